using Refit;

namespace VinylVault.Core.Discogs;

/// <summary>
/// The Discogs API as VinylVault uses it. Every call goes through the one rate limiter; callers never add the
/// token (the auth handler does). Non-success answers surface as <see cref="DiscogsApiException"/> subtypes.
/// </summary>
[Headers("Accept: application/vnd.discogs.v2.discogs+json")]
public interface IDiscogsApi
{
    [Get("/oauth/identity")]
    Task<DiscogsIdentity> GetIdentityAsync(CancellationToken cancellationToken);

    [Get("/users/{username}/collection/folders")]
    Task<FolderList> GetFoldersAsync(string username, CancellationToken cancellationToken);

    [Get("/users/{username}/collection/folders/{folderId}/releases")]
    Task<CollectionPage> GetCollectionPageAsync(string username, int folderId, [Query] CollectionPageQuery query, CancellationToken cancellationToken);

    [Get("/releases/{releaseId}")]
    Task<DiscogsRelease> GetReleaseAsync(long releaseId, CancellationToken cancellationToken);

    [Get("/database/search")]
    Task<SearchResults> SearchAsync(string q, string type, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/users/{username}/collection/value")]
    Task<CollectionValue> GetCollectionValueAsync(string username, CancellationToken cancellationToken);

    [Get("/users/{username}/collection/fields")]
    Task<CollectionFields> GetCollectionFieldsAsync(string username, CancellationToken cancellationToken);

    [Get("/users/{username}/wants")]
    Task<WantlistPage> GetWantlistPageAsync(string username, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/marketplace/stats/{releaseId}")]
    Task<MarketplaceStats> GetMarketplaceStatsAsync(long releaseId, CancellationToken cancellationToken);
}
