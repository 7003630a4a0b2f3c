using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace VinylVault.Core.Discogs;

/// <summary>How Refit speaks Discogs: snake_case JSON with the API's traps handled, snake_case query keys, typed errors.</summary>
internal static class DiscogsRefitSettings
{
    public static RefitSettings Create(IServiceProvider services)
    {
        var account = services.GetRequiredService<IDiscogsAccount>();
        return new RefitSettings(new SystemTextJsonContentSerializer(DiscogsJson.Options))
        {
            // Query objects (CollectionPageQuery) go out as page=, sort_order=: Discogs ignores Page=.
            UrlParameterKeyFormatter = new SnakeCaseUrlParameterKeyFormatter(),
            ExceptionFactory = response => new ValueTask<Exception?>(DiscogsErrors.FromResponseAsync(response, account)),
            DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(DiscogsErrors.Unreadable(response, exception)),
            TransportExceptionFactory = (_, exception, cancellationToken) => DiscogsErrors.FromTransport(exception, cancellationToken, account),
        };
    }
}
