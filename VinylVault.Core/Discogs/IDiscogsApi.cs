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

    /// <summary>A release; <paramref name="currency"/> (curr_abbr, e.g. "GBP") sets the currency of lowest_price, null leaves Discogs' default.</summary>
    [Get("/releases/{releaseId}")]
    Task<DiscogsRelease> GetReleaseAsync(long releaseId, [AliasAs("curr_abbr")] string? currency, CancellationToken cancellationToken);

    [Get("/database/search")]
    Task<SearchResults> SearchAsync(string q, string type, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    /// <summary>Search by what is printed on a release: <paramref name="barcode"/> and/or <paramref name="catno"/> (null ones are left out).</summary>
    [Get("/database/search")]
    Task<SearchResults> SearchPrintedAsync(string? barcode, string? catno, string type, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/users/{username}/collection/value")]
    Task<CollectionValue> GetCollectionValueAsync(string username, CancellationToken cancellationToken);

    [Get("/users/{username}/collection/fields")]
    Task<CollectionFields> GetCollectionFieldsAsync(string username, CancellationToken cancellationToken);

    [Get("/users/{username}/wants")]
    Task<WantlistPage> GetWantlistPageAsync(string username, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("/marketplace/stats/{releaseId}")]
    Task<MarketplaceStats> GetMarketplaceStatsAsync(long releaseId, CancellationToken cancellationToken);

    // Writes (the outbox's). Adding a copy and creating a folder are not idempotent: DiscogsRetryPolicy never
    // repeats them, and the outbox checks what Discogs holds before it sends one again.
    [Post("/users/{username}/collection/folders/{folderId}/releases/{releaseId}")]
    Task<AddedInstance> AddReleaseAsync(string username, int folderId, long releaseId, CancellationToken cancellationToken);

    [Post("/users/{username}/collection/folders/{folderId}/releases/{releaseId}/instances/{instanceId}")]
    Task EditInstanceAsync(string username, int folderId, long releaseId, long instanceId, [Body] InstanceChange change, CancellationToken cancellationToken);

    [Delete("/users/{username}/collection/folders/{folderId}/releases/{releaseId}/instances/{instanceId}")]
    Task RemoveInstanceAsync(string username, int folderId, long releaseId, long instanceId, CancellationToken cancellationToken);

    [Post("/users/{username}/collection/folders/{folderId}/releases/{releaseId}/instances/{instanceId}/fields/{fieldId}")]
    Task SetFieldAsync(string username, int folderId, long releaseId, long instanceId, int fieldId, [Body] FieldValue value, CancellationToken cancellationToken);

    [Get("/users/{username}/collection/releases/{releaseId}")]
    Task<CollectionPage> GetReleaseInstancesAsync(string username, long releaseId, CancellationToken cancellationToken);

    [Post("/users/{username}/collection/folders")]
    Task<DiscogsFolder> CreateFolderAsync(string username, [Body] FolderName name, CancellationToken cancellationToken);

    [Post("/users/{username}/collection/folders/{folderId}")]
    Task<DiscogsFolder> RenameFolderAsync(string username, int folderId, [Body] FolderName name, CancellationToken cancellationToken);

    [Delete("/users/{username}/collection/folders/{folderId}")]
    Task DeleteFolderAsync(string username, int folderId, CancellationToken cancellationToken);
}
