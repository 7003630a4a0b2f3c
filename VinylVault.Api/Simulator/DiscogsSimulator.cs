using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator;

/// <summary>
/// A Discogs-compatible server's whole state: the generated account and collection, the moving-window rate limit,
/// the fault switches and the counters. Map it on any app with <c>MapDiscogsSimulator</c>; tests drive and read it.
/// </summary>
public sealed class DiscogsSimulator
{
    private readonly ReleaseCatalog _catalog;

    public DiscogsSimulator(DiscogsSimulatorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time ?? TimeProvider.System;
        Token = options.Token;
        var distinct = CollectionSeeder.DistinctReleases(options.CollectionSize);
        _catalog = new ReleaseCatalog(options.Seed, distinct + options.Wants + options.SearchOnly);
        Collection = new SimulatedCollection(_catalog, Time, options.CollectionSize, options.Wants);
        RateLimit = new SimulatedRateLimit(Time, options.RateLimit, options.Window, options.CountRefusedRequests);
        Faults = new SimulatorFaults(Time, options.Seed);
        Counters = new SimulatorCounters(Time, () => RateLimit.Window);
        Images = new SimulatorImageHost(Time);
    }

    public DiscogsSimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public string Username => Options.Username;

    /// <summary>The token the server accepts; change it to simulate a revoked token.</summary>
    public string Token { get; set; }

    public SimulatedCollection Collection { get; }

    public SimulatedRateLimit RateLimit { get; }

    public SimulatorFaults Faults { get; }

    public SimulatorCounters Counters { get; }

    /// <summary>The image host: its fault switches and counters.</summary>
    public SimulatorImageHost Images { get; }

    /// <summary>Every release id the simulated database knows (collection, wantlist, search-only, added later).</summary>
    public IEnumerable<long> CatalogReleaseIds => Enumerable.Range(0, _catalog.Count).Select(_catalog.IdOf);

    internal ReleaseCatalog Catalog => _catalog;

    /// <summary>Turns every switch off and zeroes the counters and the rate-limit window (the collection stays).</summary>
    public void ResetTraffic()
    {
        Faults.Reset();
        Counters.Reset();
        RateLimit.Reset();
        Images.Reset();
    }
}
