using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Lookup;

/// <summary>
/// "Do I own this?": the owned copies from the local database (offline, in milliseconds), and what Discogs' search
/// knows, asked only when Discogs is reachable. Discogs' part never fails the lookup: offline it is null.
/// </summary>
public sealed class CollectionLookup(CollectionQueries queries, IServiceScopeFactory scopes, IDiscogsAccount account, DiscogsConnectivity connectivity, TimeProvider time)
{
    // A person at a record fair is waiting: a slow Discogs is an offline one.
    private static readonly TimeSpan DiscogsWithin = TimeSpan.FromSeconds(8);

    public Task<IReadOnlyList<CollectionItemView>> OwnedAsync(LookupQuery query, CancellationToken cancellationToken) =>
        queries.FindOwnedAsync(query, cancellationToken);

    /// <summary>Discogs' search results for the query, or null when Discogs is not reachable (or no account is set up).</summary>
    public async Task<IReadOnlyList<SearchResult>?> DiscogsAsync(LookupQuery query, CancellationToken cancellationToken)
    {
        if (account.Token is null || connectivity.Last is { Online: false } last && time.GetUtcNow() - last.At < DiscogsConnectivity.FreshFor)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DiscogsWithin);
        await using var scope = scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<DiscogsClient>();
        try
        {
            var results = query.Kind switch
            {
                LookupKind.Barcode => await client.SearchPrintedAsync(query.Text, null, LookupQuery.MaxResults, timeout.Token),
                LookupKind.Catno => await client.SearchPrintedAsync(null, query.Text, LookupQuery.MaxResults, timeout.Token),
                _ when LookupKeys.LooksLikeBarcode(query.Text) => await client.SearchPrintedAsync(query.Text, null, LookupQuery.MaxResults, timeout.Token),
                _ => await client.SearchAsync(query.Text, LookupQuery.MaxResults, timeout.Token),
            };
            return [.. results.Results.Where(r => r.Type is "" or "release")];
        }
        catch (Exception ex) when (ex is DiscogsApiException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
