using System.ComponentModel.DataAnnotations;

namespace VinylVault.Api.Simulator;

/// <summary>The simulated Discogs account and server ("Demo:Simulator" section). Defaults here, overridden by configuration.</summary>
public sealed class DiscogsSimulatorOptions
{
    public const string Section = "Demo:Simulator";

    /// <summary>Same seed, same collection: releases, copies, dates, folders, notes and random faults.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Copies in the collection (some releases are owned twice, so distinct releases are a few fewer).</summary>
    [Range(0, 1_000_000)]
    public int CollectionSize { get; set; } = 250;

    /// <summary>Wantlist entries; by default one for every 20 copies, at least 5.</summary>
    [Range(0, 100_000)]
    public int? WantlistSize { get; set; }

    /// <summary>Releases only found by search, beyond the collection and wantlist; by default a fifth of the collection, at least 50.</summary>
    [Range(0, 1_000_000)]
    public int? SearchOnlyReleases { get; set; }

    [Required]
    public string Username { get; set; } = "demo";

    public long UserId { get; set; } = 4_242_424;

    /// <summary>The token a request must carry as "Authorization: Discogs token=...".</summary>
    [Required]
    public string Token { get; set; } = "demo-token";

    /// <summary>Requests allowed in any one window (Discogs: 60).</summary>
    [Range(1, 100_000)]
    public int RateLimit { get; set; } = 60;

    /// <summary>The moving window in seconds (Discogs: 60). Tests shrink it.</summary>
    [Range(0.001, 3600)]
    public double RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Whether refused requests take a place in the window (see <see cref="SimulatedRateLimit"/>).</summary>
    public bool CountRefusedRequests { get; set; } = true;

    /// <summary>
    /// The owner's currency (one of Discogs' twelve: USD GBP EUR CAD AUD JPY CHF MXN BRL NZD SEK ZAR): the collection
    /// value is written in it ("£1,234.56", "CA$12.00") and release prices are in it unless curr_abbr asks otherwise.
    /// </summary>
    [Required, AllowedValues("USD", "GBP", "EUR", "CAD", "AUD", "JPY", "CHF", "MXN", "BRL", "NZD", "SEK", "ZAR")]
    public string CurrencyCode { get; set; } = "GBP";

    public TimeSpan Window => TimeSpan.FromSeconds(RateLimitWindowSeconds);

    internal int Wants => WantlistSize ?? Math.Max(5, CollectionSize / 20);

    internal int SearchOnly => SearchOnlyReleases ?? Math.Max(50, CollectionSize / 5);
}
