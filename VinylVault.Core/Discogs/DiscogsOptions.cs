using System.ComponentModel.DataAnnotations;

namespace VinylVault.Core.Discogs;

/// <summary>The "Discogs" configuration section (docs/design.md). Defaults here, overridden by configuration.</summary>
public sealed class DiscogsOptions
{
    public const string Section = "Discogs";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://api.discogs.com";

    [Required]
    public string UserAgent { get; set; } = $"VinylVault/{typeof(DiscogsOptions).Assembly.GetName().Version?.ToString(3)} +https://github.com/vinylvault/vinylvault";

    public string? Username { get; set; }

    public string? Token { get; set; }

    /// <summary>Requests allowed in any one window; Discogs allows 60, the default leaves room for other devices.</summary>
    [Range(1, 1000)]
    public int MaxRequestsPerMinute { get; set; } = 55;

    /// <summary>Discogs' moving window. Tests shrink it to time-scale a sync.</summary>
    [Range(0.05, 3600)]
    public double RateLimitWindowSeconds { get; set; } = 60;

    [Range(1, 600)]
    public double TimeoutSeconds { get; set; } = 30;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public TimeSpan Window => TimeSpan.FromSeconds(RateLimitWindowSeconds);
}
