using System.Net;
using System.Net.Http.Json;
using VinylVault.Tests.Api;
using VinylVault.Tests.Outbox;

namespace VinylVault.Tests.Wantlist;

/// <summary>Wantlist edits: local at once, through the outbox to the simulator when it is reachable; a sync never undoes a waiting one.</summary>
public sealed class WantlistEditTests
{
    [Fact]
    public async Task Edits_made_while_Discogs_is_down_survive_a_sync_and_arrive_once_it_is_back()
    {
        await using var vault = await EditingVault.StartAsync(collectionSize: 40, wantlistSize: 30);
        var simulator = vault.Simulator;
        var wants = simulator.Collection.Wants;
        var wanted = wants.Select(w => w.ReleaseId).ToHashSet();
        var owned = simulator.Collection.ReleaseIds.First(id => !wanted.Contains(id));
        var fresh = simulator.CatalogReleaseIds.Last(id => !wanted.Contains(id));

        // Discogs refuses every write (503) but still answers reads: the sync below runs while the edits wait.
        simulator.Faults.WritesUnavailable = true;
        var added = await vault.SendAsync(HttpMethod.Put, $"/api/wantlist/{fresh}", new { notes = "Any copy ✓", rating = 4, title = "A search hit", artist = "Someone" });
        Assert.True(added.GetProperty("pending").GetBoolean());
        Assert.Equal(("A search hit", "Any copy ✓", 4), (added.GetProperty("title").GetString(), added.GetProperty("notes").GetString(), added.GetProperty("rating").GetInt32()));
        var mine = await vault.SendAsync(HttpMethod.Put, $"/api/wantlist/{owned}", new { notes = "A second copy" });
        Assert.True(mine.GetProperty("in_collection").GetBoolean());
        var edited = await vault.SendAsync(HttpMethod.Put, $"/api/wantlist/{wants[0].ReleaseId}", new { notes = "Only with the poster", rating = 5 });
        Assert.Equal(("Only with the poster", 5), (edited.GetProperty("notes").GetString(), edited.GetProperty("rating").GetInt32()));
        var removed = await vault.SendAsync(HttpMethod.Delete, $"/api/wantlist/{wants[1].ReleaseId}");
        Assert.True(removed.GetProperty("removed").GetBoolean() && removed.GetProperty("pending").GetBoolean());
        var local = await WantlistState.LocalAsync(vault.Client);

        await vault.SyncAsync();
        Assert.Equal(local, await WantlistState.LocalAsync(vault.Client));
        Assert.Equal(0, simulator.Counters.Requests("want_put", 201));

        simulator.Faults.WritesUnavailable = false;
        await vault.DrainedAsync();
        Assert.Equal(WantlistState.Of(simulator), await WantlistState.LocalAsync(vault.Client));
        Assert.Equal(local, WantlistState.Of(simulator));
        var outbox = await vault.OutboxAsync();
        Assert.Equal(["want_add", "want_add", "want_edit", "want_remove"], outbox.Select(e => e.GetProperty("kind").GetString()).Order());

        await vault.SyncAsync();
        Assert.Equal(local, await WantlistState.LocalAsync(vault.Client));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_parameter_and_an_unknown_want_is_a_404()
    {
        await using var vault = await EditingVault.StartAsync(collectionSize: 10, wantlistSize: 5);
        var releaseId = vault.Simulator.Collection.Wants[0].ReleaseId;

        await AssertInvalidAsync(vault.Client.PutAsJsonAsync($"/api/wantlist/{releaseId}", new { rating = 6 }), "rating");
        await AssertInvalidAsync(vault.Client.PutAsJsonAsync($"/api/wantlist/{releaseId}", new { notes = new string('n', 256) }), "notes");
        await AssertInvalidAsync(vault.Client.PutAsJsonAsync("/api/wantlist/0", new { rating = 1 }), "release_id");
        await AssertInvalidAsync(vault.Client.GetAsync("/api/wantlist?sort=price"), "sort");
        await AssertInvalidAsync(vault.Client.GetAsync("/api/wantlist?page_size=501"), "page_size");
        await AssertInvalidAsync(vault.Client.GetAsync("/api/wantlist?rating=6"), "rating");
        // Format and years are checked as GET /api/collection checks them.
        await AssertInvalidAsync(vault.Client.GetAsync("/api/wantlist?year_from=-1"), "year_from");
        await AssertInvalidAsync(vault.Client.GetAsync("/api/wantlist?year_to=10000"), "year_to");
        await AssertInvalidAsync(vault.Client.GetAsync("/api/wantlist?year_from=nineteen-eighty"), "year_from");
        await AssertInvalidAsync(vault.Client.GetAsync($"/api/wantlist?format={new string('x', 101)}"), "format");
        await ApiAssert.ProblemAsync(await vault.Client.DeleteAsync("/api/wantlist/987654321"), HttpStatusCode.NotFound);
        Assert.Empty(await vault.OutboxAsync());

        // A release Discogs does not know: wanted locally, refused by Discogs (404), and a discard takes the want back.
        await vault.SendAsync(HttpMethod.Put, "/api/wantlist/987654321", new { notes = "typo?" });
        await EditingVault.UntilAsync(async () => (await vault.OutboxAsync()).Any(e => e.GetProperty("state").GetString() == "failed"), "the refusal");
        var failed = Assert.Single(await vault.OutboxAsync());
        Assert.Equal(("want_add", "want:987654321"), (failed.GetProperty("kind").GetString(), failed.GetProperty("target").GetString()));
        Assert.Contains("Release not found", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        await vault.SendAsync(HttpMethod.Delete, $"/api/outbox/{failed.GetProperty("id").GetInt64()}");
        Assert.DoesNotContain(await WantlistState.LocalAsync(vault.Client), line => line.StartsWith("987654321|", StringComparison.Ordinal));

        var csv = await vault.Client.GetStringAsync("/api/export/wantlist.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Catalog#,Artist,Title,Label,Format,Rating,Released,release_id,Notes", lines[0].TrimEnd('\r'));
        Assert.Equal(6, lines.Length);
        Assert.Contains(lines, l => l.Contains($",{releaseId},", StringComparison.Ordinal));
    }

    private static async Task AssertInvalidAsync(Task<HttpResponseMessage> sending, string parameter)
    {
        using var response = await sending;
        await ApiAssert.ValidationProblemAsync(response, parameter);
    }
}
