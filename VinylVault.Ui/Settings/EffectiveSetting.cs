using System.Globalization;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Configuration;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;

namespace VinylVault.Ui.Settings;

/// <summary>A setting as it is in effect now, with the configuration key (and short alias) that changes it.</summary>
public sealed record EffectiveSetting(string Key, string Value, string? Alias, string Meaning)
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <param name="window">The limiter's window now: the configured one, or the demo simulator's shorter one.</param>
    public static IReadOnlyList<EffectiveSetting> Read(
        DiscogsOptions discogs, TimeSpan window, SyncOptions sync, StorageOptions storage, string dataDirectory) =>
    [
        Of("Discogs:BaseUrl", discogs.BaseUrl, "The Discogs API this vault talks to"),
        Of("Discogs:MaxRequestsPerMinute", discogs.MaxRequestsPerMinute, "Requests allowed in any one window (Discogs allows 60)"),
        Of("Discogs:RateLimitWindowSeconds", window.TotalSeconds, window == discogs.Window
            ? "The moving window Discogs counts requests in"
            : $"The demo simulator's shorter window, for now (configured: {discogs.RateLimitWindowSeconds.ToString(Culture)})"),
        Of("Discogs:TimeoutSeconds", discogs.TimeoutSeconds, "How long one try may take"),
        Of("Discogs:MaxRetries", discogs.MaxRetries, "Retries of a failed request (each pays from the budget)"),
        Of("Sync:BatchSize", sync.BatchSize, "Releases written per database transaction"),
        Of("Sync:MaxErrors", sync.MaxErrors, "Errors after which a sync stops as failed"),
        Of("Sync:AutoSyncHours", sync.AutoSyncHours, sync.AutoSyncHours > 0
            ? "Hours after the last completed sync until the next automatic one"
            : "Automatic sync is off (0)"),
        Of("Sync:QuickCheckSeconds", sync.QuickCheckSeconds, sync.QuickCheckSeconds > 0
            ? "Seconds between quick checks (at most 2 requests) that start a sync when the collection changed"
            : "Quick checks are off (0)"),
        Of("Storage:DataDirectory", dataDirectory, "Database, encryption keys and caches"),
        Of("Storage:CacheSizeKb", storage.CacheSizeKb, "SQLite page cache per connection"),
    ];

    private static EffectiveSetting Of(string key, object value, string meaning) => new(
        key,
        Convert.ToString(value, Culture) ?? "",
        EnvironmentAliases.Map.FirstOrDefault(a => a.Value == key).Key,
        meaning);
}
