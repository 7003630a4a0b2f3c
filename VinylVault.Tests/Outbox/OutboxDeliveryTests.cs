using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Outbox;

namespace VinylVault.Tests.Outbox;

/// <summary>Edits made while Discogs is down wait in the outbox, then reach the simulator in order, and a sync afterwards changes nothing.</summary>
public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task Twenty_edits_made_while_Discogs_is_down_arrive_in_order_once_it_is_back_and_a_sync_then_changes_nothing()
    {
        await using var vault = await EditingVault.StartAsync();
        var items = vault.Simulator.Collection.Items;
        var owned = items.Select(i => i.ReleaseId).ToHashSet();
        var unowned = vault.Simulator.CatalogReleaseIds.First(id => !owned.Contains(id));
        var media = await vault.CustomFieldOptionsAsync("Media Condition");
        var sleeve = await vault.CustomFieldOptionsAsync("Sleeve Condition");
        var otherFolder = vault.Simulator.Collection.Folders.First(f => f.Id != items[1].FolderId && f.Id != 1).Id;
        vault.Simulator.Faults.Unreachable = true;

        var rated = await vault.PatchAsync(items[0].InstanceId, new { rating = 5 });
        Assert.True(rated.GetProperty("pending").GetBoolean());
        Assert.Equal(5, rated.GetProperty("rating").GetInt32());
        await vault.PatchAsync(items[1].InstanceId, new { folder_id = otherFolder });
        await vault.PatchAsync(items[2].InstanceId, new { fields = new Dictionary<string, string> { ["Media Condition"] = media[0] } });
        await vault.PatchAsync(items[3].InstanceId, new { fields = new Dictionary<string, string> { ["Notes"] = "Signed copy ✓" } });
        var crate = (await vault.SendAsync(HttpMethod.Post, "/api/folders", new { name = "Crate digging" })).GetProperty("id").GetInt32();
        Assert.True(crate < 0, "a folder made offline has a local id until Discogs gives one");
        await vault.PatchAsync(items[4].InstanceId, new { folder_id = crate });
        await vault.PatchAsync(items[4].InstanceId, new { rating = 3 });
        var copy = await vault.SendAsync(HttpMethod.Post, "/api/collection", new { release_id = items[5].ReleaseId, folder_id = crate });
        var local = copy.GetProperty("instance_id").GetInt64();
        Assert.True(local < 0 && copy.GetProperty("pending").GetBoolean());
        await vault.PatchAsync(local, new { rating = 4 });
        await vault.PatchAsync(local, new { fields = new Dictionary<string, string> { ["Sleeve Condition"] = sleeve[1] } });
        await vault.SendAsync(HttpMethod.Delete, $"/api/collection/{items[6].InstanceId}");
        await vault.SendAsync(HttpMethod.Post, "/api/collection", new { release_id = unowned });
        await vault.SendAsync(HttpMethod.Delete, $"/api/collection/{items[7].InstanceId}");
        await vault.SendAsync(HttpMethod.Patch, $"/api/folders/{crate}", new { name = "Crate digging, 2026" });
        await vault.PatchAsync(items[0].InstanceId, new { rating = 2 });
        await vault.PatchAsync(items[1].InstanceId, new { folder_id = 1 });
        await vault.PatchAsync(items[2].InstanceId, new { fields = new Dictionary<string, string> { ["Media Condition"] = media[2] } });
        await vault.PatchAsync(items[3].InstanceId, new { fields = new Dictionary<string, string> { ["Notes"] = "" } });
        await vault.PatchAsync(items[8].InstanceId, new { rating = 1, folder_id = crate });
        await vault.PatchAsync(items[9].InstanceId, new { fields = new Dictionary<string, string> { ["Notes"] = "Bought in Lisbon" } });

        // Offline: only the oldest entry is tried, at most once a second (Outbox:MaxBackoffSeconds), the rest wait behind it.
        var tried = (await vault.OutboxAsync())[0].GetProperty("attempts").GetInt32();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var waiting = await vault.OutboxAsync();
        Assert.InRange(waiting.Count, 20, 22);
        Assert.All(waiting, e => Assert.Contains(e.GetProperty("state").GetString(), new[] { "pending", "sending" }));
        Assert.InRange(waiting[0].GetProperty("attempts").GetInt32() - tried, 1, 4);
        Assert.All(waiting.Skip(1), e => Assert.Equal(0, e.GetProperty("attempts").GetInt32()));
        Assert.Equal(0, vault.Simulator.Counters.Requests("add"));

        vault.Simulator.Faults.Unreachable = false;
        await vault.DrainedAsync();

        await using (var db = await vault.Contexts.CreateDbContextAsync())
        {
            var sent = await db.Outbox.AsNoTracking().OrderBy(e => e.Id).Select(e => e.SentAt!.Value).ToListAsync();
            Assert.Equal(sent.Order(), sent);
            Assert.Equal(0, await db.Instances.CountAsync(i => i.InstanceId < 0));
            Assert.Equal(0, await db.Folders.CountAsync(f => f.Id < 0));
        }

        Assert.Equal(vault.DiscogsState(), await vault.LocalStateAsync());
        Assert.Contains(vault.DiscogsState(), line => line.EndsWith("Crate digging, 2026", StringComparison.Ordinal));
        Assert.Equal(items.Count(i => i.ReleaseId == items[5].ReleaseId) + 1, vault.Simulator.Collection.CopiesOf(items[5].ReleaseId).Count);
        var before = await vault.LocalStateAsync();
        await vault.SyncAsync();
        Assert.Equal(before, await vault.LocalStateAsync());
        Assert.Equal(0, vault.Simulator.Counters.TooManyRequests);
    }

    [Fact]
    public async Task An_add_whose_answer_is_lost_creates_exactly_one_copy()
    {
        await using var vault = await EditingVault.StartAsync();
        var release = vault.Simulator.Collection.Items[0].ReleaseId;
        var copiesBefore = vault.Simulator.Collection.CopiesOf(release).Select(c => c.InstanceId).ToHashSet();
        vault.Simulator.Faults.DropAfterWrite();

        var local = (await vault.SendAsync(HttpMethod.Post, "/api/collection", new { release_id = release, folder_id = 1 })).GetProperty("instance_id").GetInt64();
        await vault.DrainedAsync();

        var created = Assert.Single(vault.Simulator.Collection.CopiesOf(release), c => !copiesBefore.Contains(c.InstanceId));
        Assert.Equal(1, vault.Simulator.Counters.Requests("add"));
        Assert.Equal(1, vault.Simulator.Counters.Requests("release_copies"));
        var entry = Assert.Single(await vault.OutboxAsync());
        Assert.Equal(2, entry.GetProperty("attempts").GetInt32());
        Assert.Equal($"instance:{created.InstanceId}", entry.GetProperty("target").GetString());
        Assert.Equal(vault.DiscogsState(), await vault.LocalStateAsync());
        Assert.NotEqual(created.InstanceId, local);
    }

    [Fact]
    public async Task A_sync_while_edits_wait_keeps_the_local_edits_and_the_next_one_agrees_with_Discogs()
    {
        await using var vault = await EditingVault.StartAsync();
        var items = vault.Simulator.Collection.Items;
        var notes = await vault.CustomFieldOptionsAsync("Media Condition");
        vault.Simulator.Faults.WritesUnavailable = true;
        await vault.PatchAsync(items[0].InstanceId, new { rating = items[0].Rating == 5 ? 1 : 5, fields = new Dictionary<string, string> { ["Media Condition"] = notes[^1] } });
        await vault.PatchAsync(items[1].InstanceId, new { folder_id = items[1].FolderId == 1 ? 2 : 1 });
        var added = (await vault.SendAsync(HttpMethod.Post, "/api/collection", new { release_id = items[2].ReleaseId })).GetProperty("instance_id").GetInt64();
        await vault.SendAsync(HttpMethod.Delete, $"/api/collection/{items[3].InstanceId}");
        var edited = await vault.LocalStateAsync();

        var status = await vault.SyncAsync();

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(edited, await vault.LocalStateAsync());
        Assert.Contains(edited, line => line.StartsWith($"copy {added} ", StringComparison.Ordinal));
        Assert.DoesNotContain(edited, line => line.StartsWith($"copy {items[3].InstanceId} ", StringComparison.Ordinal));

        vault.Simulator.Faults.WritesUnavailable = false;
        await vault.DrainedAsync();
        await vault.SyncAsync();
        Assert.Equal(vault.DiscogsState(), await vault.LocalStateAsync());
    }

    [Fact]
    public async Task A_refused_edit_fails_with_Discogs_reason_and_a_discard_reverts_it()
    {
        await using var vault = await EditingVault.StartAsync();
        var shelf = vault.Simulator.Collection.AddFolder("Shelf for sale");
        await vault.SyncAsync();
        // Another device deletes the folder on Discogs before VinylVault's move arrives.
        vault.Simulator.Collection.RemoveFolder(shelf.Id);
        var copy = vault.Simulator.Collection.Items[0];

        await vault.PatchAsync(copy.InstanceId, new { folder_id = shelf.Id });
        await vault.PatchAsync(copy.InstanceId, new { rating = copy.Rating == 4 ? 3 : 4 });
        await EditingVault.UntilAsync(async () => (await vault.OutboxAsync()).Any(e => e.GetProperty("state").GetString() == "failed"), "the move to fail");

        var entries = await vault.OutboxAsync();
        var failed = Assert.Single(entries, e => e.GetProperty("state").GetString() == "failed");
        Assert.Equal("move", failed.GetProperty("kind").GetString());
        Assert.Contains("Folder not found", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        // The rating queued behind it for the same copy waits: Discogs hears a copy's changes in order.
        Assert.Equal("pending", Assert.Single(entries, e => e.GetProperty("kind").GetString() == "rating").GetProperty("state").GetString());

        var retried = await vault.SendAsync(HttpMethod.Post, $"/api/outbox/{failed.GetProperty("id").GetInt64()}/retry");
        Assert.Equal("pending", retried.GetProperty("state").GetString());
        await EditingVault.UntilAsync(async () => (await vault.OutboxAsync()).Any(e => e.GetProperty("state").GetString() == "failed"), "the move to fail again");

        await vault.SendAsync(HttpMethod.Delete, $"/api/outbox/{failed.GetProperty("id").GetInt64()}");
        Assert.Empty(await vault.OutboxAsync());
        Assert.Equal(vault.DiscogsState().Where(l => !l.Contains("Shelf for sale", StringComparison.Ordinal)),
            (await vault.LocalStateAsync()).Where(l => !l.Contains("Shelf for sale", StringComparison.Ordinal)));
        var item = await vault.Client.GetAsync($"/api/collection?page_size=500");
        Assert.DoesNotContain("\"pending\":true", await item.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
