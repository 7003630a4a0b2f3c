using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VinylVault.Tests.Api;
using VinylVault.Tests.Outbox;

namespace VinylVault.Tests.Wantlist;

/// <summary>
/// A complete wantlist pass that would remove a large share of the wants (a Discogs incident that lists only part
/// of it) removes none: the removal is held with the collection's, as one, and confirming applies both. Against the
/// simulator on a real socket, over REST.
/// </summary>
public sealed class WantlistHeldRemovalTests
{
    private const int Wants = 40;

    [Fact]
    public async Task A_truncated_wantlist_is_held_with_the_copies_and_confirming_applies_both_but_never_a_pending_edit()
    {
        await using var vault = await EditingVault.StartAsync(collectionSize: 60, wantlistSize: Wants);
        var simulator = vault.Simulator;
        var wanted = simulator.Collection.Wants;
        // Two edits Discogs cannot hear yet: a new want, and a note on a want the incident leaves out.
        simulator.Faults.WritesUnavailable = true;
        var added = simulator.CatalogReleaseIds.First(id => simulator.Collection.Wantlist[id] is null);
        await vault.SendAsync(HttpMethod.Put, $"/api/wantlist/{added}", new { notes = "added offline", rating = 3 });
        await vault.SendAsync(HttpMethod.Put, $"/api/wantlist/{wanted[^1].ReleaseId}", new { notes = "edited offline" });
        simulator.Faults.WantsListed = 5;
        simulator.Collection.Remove([.. simulator.Collection.Items.Take(15).Select(i => i.InstanceId)]);

        var status = await vault.SyncAsync();

        // 34 of 41 wants (the edited one is not missing, it waits for Discogs) and 15 of 60 copies: one held removal.
        Assert.Equal("completed", status.GetProperty("status").GetString());
        var held = status.GetProperty("held_removal");
        Assert.Equal((15, 34), (held.GetProperty("count").GetInt32(), held.GetProperty("wants").GetInt32()));
        Assert.EndsWith("Z", held.GetProperty("since").GetString(), StringComparison.Ordinal);
        Assert.Equal(Wants + 1, (await WantlistState.ItemsAsync(vault.Client)).Count);
        var run = (await vault.Client.GetFromJsonAsync<JsonElement>("/api/sync/history")).GetProperty("runs")[0];
        Assert.Equal((0, "completed"), (run.GetProperty("items_removed").GetInt32(), run.GetProperty("outcome").GetString()));

        var confirmed = await ApiAssert.JsonAsync(await vault.Client.PostAsync("/api/sync/confirm-removal", null), HttpStatusCode.Accepted);

        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("sync_status").GetProperty("held_removal").ValueKind);
        Assert.Equal(45, confirmed.GetProperty("collection_stats").GetProperty("total_albums").GetInt32());
        var left = (await WantlistState.ItemsAsync(vault.Client)).ToDictionary(w => w.GetProperty("release_id").GetInt64(), w => w.GetProperty("notes").GetString());
        Assert.Equal(wanted.Take(5).Select(w => w.ReleaseId).Append(wanted[^1].ReleaseId).Append(added).Order(), left.Keys.Order());
        Assert.Equal(("added offline", "edited offline"), (left[added], left[wanted[^1].ReleaseId]));
        await ApiAssert.ProblemAsync(await vault.Client.PostAsync("/api/sync/confirm-removal", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_incident_that_passes_is_forgotten_by_the_next_sync_and_a_small_removal_is_applied_at_once()
    {
        await using var vault = await EditingVault.StartAsync(collectionSize: 20, wantlistSize: Wants);
        var simulator = vault.Simulator;
        simulator.Faults.WantsListed = 5;

        var held = (await vault.SyncAsync()).GetProperty("held_removal");

        Assert.Equal((0, 35), (held.GetProperty("count").GetInt32(), held.GetProperty("wants").GetInt32()));
        Assert.Equal(WantlistState.Of(simulator), await WantlistState.LocalAsync(vault.Client));

        // Discogs lists the whole wantlist again: nothing is held any more.
        simulator.Faults.WantsListed = null;
        Assert.Equal(JsonValueKind.Null, (await vault.SyncAsync()).GetProperty("held_removal").ValueKind);
        await ApiAssert.ProblemAsync(await vault.Client.PostAsync("/api/sync/confirm-removal", null), HttpStatusCode.Conflict);

        // The owner removed one want on Discogs: 1 of 40 is removed by the sync itself.
        simulator.Collection.Wantlist.Remove(simulator.Collection.Wants[7].ReleaseId);
        Assert.Equal(JsonValueKind.Null, (await vault.SyncAsync()).GetProperty("held_removal").ValueKind);
        Assert.Equal(WantlistState.Of(simulator), await WantlistState.LocalAsync(vault.Client));
        Assert.Equal(Wants - 1, (await WantlistState.ItemsAsync(vault.Client)).Count);
    }
}
