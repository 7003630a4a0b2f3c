using System.ComponentModel.DataAnnotations;
using VinylVault.Core.Images;

namespace VinylVault.Core.Covers;

/// <summary>The "Images" configuration section (design.md): the cover cache and its download lane.</summary>
public sealed class CoverOptions : IValidatableObject
{
    public const string Section = "Images";

    [Range(1, 16)]
    public int MaxConcurrentDownloads { get; set; } = 3;

    /// <summary>Image downloads per moving window: not the Discogs API budget, a politeness budget of its own.</summary>
    [Range(1, 10_000)]
    public int MaxRequestsPerMinute { get; set; } = 60;

    /// <summary>The "minute" of <see cref="MaxRequestsPerMinute"/>; tests and benchmarks shrink it.</summary>
    [Range(0.05, 3600)]
    public double RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Origins (scheme, host and port) images may come from, for the server's downloads and the browser alike; null
    /// means Discogs' own (<see cref="ImageOrigins.Defaults"/>). The demo adds its simulator's image path at runtime.
    /// </summary>
    public string[]? AllowedOrigins { get; set; }

    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>0 = no cap; over it the least recently served covers go first.</summary>
    [Range(0, 1_000_000)]
    public int MaxCacheMb { get; set; }

    /// <summary>Download every cover in the background; false = only when one is shown.</summary>
    public bool Prefetch { get; set; } = true;

    public TimeSpan Window => TimeSpan.FromSeconds(RateLimitWindowSeconds);

    public IReadOnlyList<string> Origins => AllowedOrigins ?? ImageOrigins.Defaults;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in Origins)
        {
            if (ImageOrigins.ParseOrigin(origin) is null)
            {
                yield return new ValidationResult(ImageOrigins.Problem(origin), [nameof(AllowedOrigins)]);
            }
        }
    }
}
