using System.Text.Json;
using VinylVault.Api.Simulator;
using VinylVault.Api.Simulator.Wire;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Simulator;

/// <summary>
/// What a client must have parsed from the simulator: its answers serialised as the server sends them and read back
/// through the client's own records and <see cref="DiscogsJson.Options"/>. The tests' oracle, so the product ships none.
/// </summary>
internal static class SimulatorOracle
{
    /// <summary>The collection as a client parses it from the pages, ordered by instance id: what a sync must have stored.
    /// <paramref name="apiBase"/> roots the image URLs, as the server does.</summary>
    public static IReadOnlyList<CollectionItem> ExpectedCollection(this DiscogsSimulator simulator, string apiBase)
    {
        var links = new SimulatorLinks(apiBase.TrimEnd('/'));
        return [.. simulator.Collection.Items.Select(item => RoundTrip<CollectionItem>(SimulatorAnswers.Item(item, simulator.Catalog, links)))];
    }

    /// <summary>The wantlist as a client parses it from the pages, in Discogs' order.</summary>
    public static IReadOnlyList<Want> ExpectedWants(this DiscogsSimulator simulator, string apiBase)
    {
        var links = new SimulatorLinks(apiBase.TrimEnd('/'));
        return [.. simulator.Collection.Wants.Select(want => RoundTrip<Want>(SimulatorAnswers.Want(simulator, want, links)))];
    }

    /// <summary>GET /releases/{id} as a client parses it, or null for a release the simulated database lacks.</summary>
    public static DiscogsRelease? ExpectedRelease(this DiscogsSimulator simulator, long releaseId, string apiBase) =>
        simulator.Catalog.TryGet(releaseId, out var release)
            ? RoundTrip<DiscogsRelease>(WireMapper.Release(release, new SimulatorLinks(apiBase.TrimEnd('/')), release.LowestPrice))
            : null;

    private static T RoundTrip<T>(object wire) =>
        JsonSerializer.Deserialize<T>(WireSerializer.Serialize(wire), DiscogsJson.Options)!;
}
