using System.Diagnostics;
using System.Text.Json;
using VinylVault.Api.Simulator;
using VinylVault.Api.Simulator.Wire;
using VinylVault.Core.Discogs;
using Xunit.Abstractions;

namespace VinylVault.Tests.Simulator;

/// <summary>The generated collection: the same seed gives the same data, and it looks like a real collector's.</summary>
// Alone, not beside the parallel tests: the memory test reads the process-wide GC heap.
[Collection(Browser.WholeAppCollection.Name)]
public sealed class SimulatorGenerationTests(ITestOutputHelper output)
{
    private const string Base = "http://simulator";

    private static DiscogsSimulator Create(int size, int seed = 1) => new(new DiscogsSimulatorOptions { CollectionSize = size, Seed = seed });

    private static string Snapshot(DiscogsSimulator sim) => JsonSerializer.Serialize(new
    {
        Items = sim.ExpectedCollection(Base),
        Releases = sim.Collection.ReleaseIds.Take(25).Select(id => sim.ExpectedRelease(id, Base)),
        sim.Collection.Wants,
    }, DiscogsJson.Options);

    [Fact]
    public void The_same_seed_gives_the_same_collection_and_another_seed_a_different_one()
    {
        var first = Snapshot(Create(300, seed: 7));

        Assert.Equal(first, Snapshot(Create(300, seed: 7)));
        Assert.NotEqual(first, Snapshot(Create(300, seed: 8)));
    }

    [Fact]
    public void Some_releases_are_owned_twice_under_different_instance_ids_and_folders()
    {
        var items = Create(500).Collection.Items;

        var copies = items.GroupBy(i => i.ReleaseId).Where(g => g.Count() > 1).ToList();

        Assert.InRange(copies.Count, 10, 30);
        Assert.All(copies, g => Assert.Equal(g.Count(), g.Select(i => i.InstanceId).Distinct().Count()));
        Assert.Contains(copies, g => g.Select(i => i.FolderId).Distinct().Count() > 1);
        Assert.Equal(items.Count, items.Select(i => i.InstanceId).Distinct().Count());
    }

    [Fact]
    public void Dates_spread_over_years_ratings_folders_and_formats_vary()
    {
        var sim = Create(1_000);
        var items = sim.ExpectedCollection(Base);

        Assert.True(items.Select(i => i.DateAdded.Year).Distinct().Count() >= 10);
        Assert.Equal([0, 1, 2, 3, 4, 5], items.Select(i => i.Rating).Distinct().Order());
        Assert.True(items.Select(i => i.FolderId).Distinct().Count() >= 5);
        var formats = items.SelectMany(i => i.BasicInformation.Formats).ToList();
        Assert.Superset(new HashSet<string> { "Vinyl", "CD", "Cassette", "Box Set" }, formats.Select(f => f.Name).ToHashSet());
        var descriptions = formats.SelectMany(f => f.Descriptions).ToHashSet();
        Assert.Superset(new HashSet<string> { "LP", "12\"", "7\"", "Album", "Single" }, descriptions);
        Assert.Contains(formats, f => f.Qty > 1);
        Assert.Contains(formats, f => f.Text is not null);
        Assert.True(items.SelectMany(i => i.BasicInformation.Genres).Distinct().Count() >= 10);
        Assert.True(items.Select(i => DiscogsDisplay.ArtistName(i.BasicInformation.Artists)).Distinct().Count() >= 200);
        Assert.True(items.SelectMany(i => i.BasicInformation.Labels).Select(l => l.Catno).Distinct().Count() >= 500);
    }

    [Fact]
    public void Release_details_have_tracklists_with_durations_notes_and_extra_artists()
    {
        var sim = Create(300);
        var releases = sim.Collection.ReleaseIds.Select(id => sim.ExpectedRelease(id, Base)!).ToList();

        Assert.All(releases, r => Assert.NotEmpty(r.Tracklist));
        Assert.Contains(releases, r => r.Tracklist.Any(t => t.Position == "A1") && r.Tracklist.Any(t => t.Position.StartsWith('B')));
        Assert.Contains(releases, r => r.Tracklist.Any(t => t.Position == "1-1"));
        Assert.Contains(releases, r => r.Tracklist.All(t => t.Duration == ""));
        Assert.Contains(releases, r => r.Tracklist.Any(t => t.Type == "heading"));
        Assert.Contains(releases, r => r.Notes is { Length: > 0 });
        Assert.Contains(releases, r => r.Notes is null);
        Assert.Contains(releases, r => r.Extraartists.Count > 0);
        Assert.Contains(releases, r => r.Country == "");
        Assert.Contains(releases, r => r.Images.Count > 1);
        Assert.Contains(releases, r => r.Images.Count == 0 && r.Thumb == "");
        Assert.All(releases, r => Assert.True(r.Community!.Rating is not null));
    }

    [Fact]
    public void Release_ids_are_unique_and_unknown_ids_are_not_in_the_catalog()
    {
        var sim = Create(2_000);

        var ids = sim.CatalogReleaseIds.ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count > sim.Collection.ReleaseIds.Count);
        Assert.All(ids.Take(200), id => Assert.NotNull(sim.ExpectedRelease(id, Base)));
        Assert.Null(sim.ExpectedRelease(ids.Max() + 1, Base));
        Assert.Null(sim.ExpectedRelease(ids[0] + 1, Base));
    }

    [Fact]
    public void Ten_thousand_copies_stay_small_in_memory()
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();

        var sim = Create(10_000);
        var built = watch.Elapsed;
        var pages = Enumerable.Range(1, 100).Sum(page => Discogs(sim, page).Length);
        var walked = watch.Elapsed - built;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(sim);

        var megabytes = (after - before) / 1024.0 / 1024.0;
        output.WriteLine($"10,000 copies: built in {built.TotalMilliseconds:F0} ms, 100 pages of JSON ({pages / 1024 / 1024.0:F1} MB) in {walked.TotalMilliseconds:F0} ms, {megabytes:F1} MB retained");
        Assert.Equal(10_000, sim.Collection.Count);
        Assert.True(megabytes < 32, $"{megabytes:F1} MB retained");
    }

    // A page's JSON as the endpoint builds it, without HTTP.
    private static byte[] Discogs(DiscogsSimulator sim, int page) =>
        WireSerializer.Serialize(SimulatorAnswers.CollectionPage(sim, new SimulatorLinks(Base), 0, page, 100, "added", "desc"));
}
