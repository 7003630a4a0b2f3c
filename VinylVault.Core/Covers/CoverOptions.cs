using System.ComponentModel.DataAnnotations;

namespace VinylVault.Core.Covers;

/// <summary>The "Images" configuration section (design.md): the cover cache and its download lane.</summary>
public sealed class CoverOptions : IValidatableObject
{
    public const string Section = "Images";

    /// <summary>Discogs' image hosts, used when <see cref="AllowedOrigins"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DiscogsOrigins =
        ["https://i.discogs.com", "https://img.discogs.com", "https://api-img.discogs.com", "https://st.discogs.com"];

    [Range(1, 16)]
    public int MaxConcurrentDownloads { get; set; } = 3;

    /// <summary>Image downloads per moving window: not the Discogs API budget, a politeness budget of its own.</summary>
    [Range(1, 10_000)]
    public int MaxRequestsPerMinute { get; set; } = 60;

    /// <summary>The "minute" of <see cref="MaxRequestsPerMinute"/>; tests and benchmarks shrink it.</summary>
    [Range(0.05, 3600)]
    public double RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Origins (scheme, host and port) the server may download images from; null means Discogs' own.</summary>
    public string[]? AllowedOrigins { get; set; }

    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>0 = no cap; over it the least recently served covers go first.</summary>
    [Range(0, 1_000_000)]
    public int MaxCacheMb { get; set; }

    /// <summary>Download every cover in the background; false = only when one is shown.</summary>
    public bool Prefetch { get; set; } = true;

    public TimeSpan Window => TimeSpan.FromSeconds(RateLimitWindowSeconds);

    public IReadOnlyList<string> Origins => AllowedOrigins ?? DiscogsOrigins;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in Origins)
        {
            if (CoverOrigins.ParseOrigin(origin) is null)
            {
                yield return new ValidationResult(
                    $"'{origin}' is not an origin: write scheme, host and optional port only, e.g. https://i.discogs.com",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
