using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VinylVault.Core.Discogs;

/// <summary>Whether Discogs answered, as of <see cref="At"/>; <see cref="Problem"/> says why not, in words for people.</summary>
public sealed record DiscogsReachability(bool Online, string? Problem, DateTimeOffset At);

/// <summary>
/// Is Discogs reachable with our token? Learned for free from every answer the client stack gets; asked with one
/// identity request only when nobody has talked to Discogs for <see cref="FreshFor"/>, because every request is precious.
/// </summary>
public sealed class DiscogsConnectivity(IServiceProvider services, IDiscogsAccount account, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _probe = new(1, 1);
    private volatile DiscogsReachability? _last;

    /// <summary>What the last answer (or failure) said, without asking Discogs; null before any.</summary>
    public DiscogsReachability? Last => _last;

    public async Task<DiscogsReachability> CheckAsync(CancellationToken cancellationToken)
    {
        if (account.Token is null)
        {
            return new(false, "No Discogs account is set up.", time.GetUtcNow());
        }

        if (Fresh() is { } known)
        {
            return known;
        }

        // One probe at a time: callers arriving meanwhile take its answer.
        await _probe.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } answered)
            {
                return answered;
            }

            var (online, message) = await services.GetRequiredService<DiscogsClient>().TestConnectionAsync(cancellationToken);
            Observe(online, online ? null : message);
            return _last!;
        }
        finally
        {
            _probe.Release();
        }
    }

    /// <summary>Forgets what was seen, e.g. when the account changes.</summary>
    public void Reset() => _last = null;

    public void Dispose() => _probe.Dispose();

    internal void Observe(bool online, string? problem) => _last = new(online, problem, time.GetUtcNow());

    private DiscogsReachability? Fresh() => _last is { } last && time.GetUtcNow() - last.At < FreshFor ? last : null;
}

/// <summary>Watches every try of the Discogs client: an answer means reachable (401: the token is refused), an error means not.</summary>
internal sealed class DiscogsConnectivityHandler(DiscogsConnectivity connectivity) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var code = (int)response.StatusCode;
            connectivity.Observe(code is < 500 and not 401, code switch
            {
                401 => "Discogs rejected the token.",
                >= 500 => $"Discogs answered {code}.",
                _ => null,
            });
            return response;
        }
        catch (HttpRequestException)
        {
            connectivity.Observe(false, "Discogs is unreachable.");
            throw;
        }
    }
}

public static class DiscogsConnectivityRegistration
{
    public static IHostApplicationBuilder AddDiscogsConnectivity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DiscogsConnectivity>();
        builder.Services.AddTransient<DiscogsConnectivityHandler>();
        builder.Services.AddHttpClient(DiscogsClientRegistration.HttpClientName).AddHttpMessageHandler<DiscogsConnectivityHandler>();
        return builder;
    }
}
