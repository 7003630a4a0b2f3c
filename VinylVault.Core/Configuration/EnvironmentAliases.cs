using Microsoft.Extensions.Configuration;

namespace VinylVault.Core.Configuration;

/// <summary>The short environment variables of the original design, mapped onto their configuration keys.</summary>
public static class EnvironmentAliases
{
    public static IReadOnlyDictionary<string, string> Map { get; } = new Dictionary<string, string>
    {
        ["DISCOGS_RATE_LIMIT"] = "Discogs:MaxRequestsPerMinute",
        ["DISCOGS_TIMEOUT"] = "Discogs:TimeoutSeconds",
        ["DISCOGS_MAX_RETRIES"] = "Discogs:MaxRetries",
        ["SYNC_BATCH_SIZE"] = "Sync:BatchSize",
        ["SYNC_MAX_ERRORS"] = "Sync:MaxErrors",
        ["MAX_CONCURRENT_DOWNLOADS"] = "Images:MaxConcurrentDownloads",
        ["VINYLVAULT_API_KEY"] = "Auth:ApiKey",
    };

    /// <summary>Adds the aliases that are set in the environment, read from <paramref name="environment"/> (the process's by default).</summary>
    public static IConfigurationBuilder AddEnvironmentAliases(this IConfigurationBuilder builder, IDictionary<string, string?>? environment = null)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (alias, key) in Map)
        {
            var value = environment is null ? Environment.GetEnvironmentVariable(alias) : environment.TryGetValue(alias, out var v) ? v : null;
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        return builder.AddInMemoryCollection(values);
    }
}
