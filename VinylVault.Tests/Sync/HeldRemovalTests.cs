using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Api.Sync;
using VinylVault.Core.Sync;
using VinylVault.Tests.Api;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Sync;

/// <summary>
/// A complete page pass that would remove a large share of the collection (or lists nothing at all) removes
/// nothing: the removal waits for the owner, while every other change is written. Against the simulator, over REST.
/// </summary>
public sealed class HeldRemovalTests : IAsyncLifetime
{
    private const int Size = SimulatedVault.CollectionSize;
    private SimulatorServer _discogs = null!;

    private VaultApp App { get; set; } = null!;

    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _discogs = await DiscogsFixture.StartAsync(Size);
        App = new VaultApp(DiscogsFixture.Settings(_discogs));
        Client = App.CreateKeyClient();
        Assert.Equal("completed", (await SyncedVault.SyncThroughRestAsync(App, Client)).GetProperty("status").GetString());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await _discogs.DisposeAsync();
    }

    [Fact]
    public async Task A_mass_removal_is_held_while_other_changes_land_and_confirming_applies_it()
    {
        var collection = _discogs.Simulator.Collection;
        var gone = collection.Items.Take(15).Select(i => i.InstanceId).ToList();
        var rated = collection.Items[^1];
        collection.Remove(gone);
        collection.Rate(rated.InstanceId, rated.Rating == 5 ? 1 : 5);
        var added = collection.AddItems(2);
        await using var hub = SyncHubTests.Connect(App, VaultApp.BootstrapKey);
        var events = SyncHubTests.Listen(hub);
        await hub.StartAsync();

        var status = await SyncedVault.SyncThroughRestAsync(App, Client);

        // 15 of 60 is 25 %, over the default 20 %: nothing removed, the run still completed.
        Assert.Equal("completed", status.GetProperty("status").GetString());
        var held = status.GetProperty("held_removal");
        Assert.Equal(15, held.GetProperty("count").GetInt32());
        Assert.EndsWith("Z", held.GetProperty("since").GetString(), StringComparison.Ordinal);
        Assert.Equal(Size + 2, await TotalAsync());
        Assert.Equal(collection[rated.InstanceId].Rating, await RatingAsync(rated.InstanceId));
        foreach (var copy in added)
        {
            Assert.True(await HasDetailsAsync(copy.ReleaseId), $"release {copy.ReleaseId} of a new copy has no details");
        }

        var completed = await LastCompletedAsync(events);
        Assert.Equal(15, completed.GetProperty("held_removal").GetProperty("count").GetInt32());
        var run = (await Client.GetFromJsonAsync<JsonElement>("/api/sync/history")).GetProperty("runs")[0];
        Assert.Equal("completed", run.GetProperty("outcome").GetString());
        Assert.Equal(0, run.GetProperty("items_removed").GetInt32());

        // The next sync recomputes: five more gone makes 20 held, still since the first hold.
        collection.Remove(collection.Items.Take(5).Select(i => i.InstanceId).ToList());
        var again = (await SyncedVault.SyncThroughRestAsync(App, Client)).GetProperty("held_removal");
        Assert.Equal(20, again.GetProperty("count").GetInt32());
        Assert.Equal(held.GetProperty("since").GetString(), again.GetProperty("since").GetString());

        var confirmed = await ApiAssert.JsonAsync(await Client.PostAsync("/api/sync/confirm-removal", null), HttpStatusCode.Accepted);
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("sync_status").GetProperty("held_removal").ValueKind);
        Assert.Equal(collection.Count, await TotalAsync());
        Assert.Equal(collection.Count, confirmed.GetProperty("collection_stats").GetProperty("total_albums").GetInt32());
        await ApiAssert.ProblemAsync(await Client.PostAsync("/api/sync/confirm-removal", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_pass_that_lists_nothing_holds_and_never_wipes_the_collection()
    {
        // A private or renamed account, or the wrong user name: Discogs answers with an empty collection.
        var collection = _discogs.Simulator.Collection;
        collection.Remove(collection.Items.Select(i => i.InstanceId).ToList());

        var status = await SyncedVault.SyncThroughRestAsync(App, Client);

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(Size, status.GetProperty("held_removal").GetProperty("count").GetInt32());
        Assert.Equal(Size, await TotalAsync());
        var reread = (await Client.GetFromJsonAsync<JsonElement>("/api/sync/status")).GetProperty("sync_status");
        Assert.Equal(Size, reread.GetProperty("held_removal").GetProperty("count").GetInt32());

        // Dismissed ("keep my records"), the warning goes until the next sync finds the same again.
        await App.Services.GetRequiredService<SyncWorker>().TryDismissHeldRemovalAsync(CancellationToken.None);
        await ApiAssert.ProblemAsync(await Client.PostAsync("/api/sync/confirm-removal", null), HttpStatusCode.Conflict);
        Assert.Equal(Size, await TotalAsync());
        status = await SyncedVault.SyncThroughRestAsync(App, Client);
        Assert.Equal(Size, status.GetProperty("held_removal").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_small_removal_is_not_held()
    {
        var collection = _discogs.Simulator.Collection;
        collection.Remove(collection.Items.Take(9).Select(i => i.InstanceId).ToList());

        var status = await SyncedVault.SyncThroughRestAsync(App, Client);

        Assert.Equal(JsonValueKind.Null, status.GetProperty("held_removal").ValueKind);
        Assert.Equal(Size - 9, await TotalAsync());
    }

    private async Task<int> TotalAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/collection?page_size=1")).GetProperty("total").GetInt32();

    private async Task<int> RatingAsync(long instanceId)
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/collection?page_size=100");
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("instance_id").GetInt64() == instanceId).GetProperty("rating").GetInt32();
    }

    private async Task<bool> HasDetailsAsync(long releaseId) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/releases/{releaseId}")).GetProperty("tracklist").GetArrayLength() > 0;

    private static async Task<JsonElement> LastCompletedAsync(System.Threading.Channels.ChannelReader<(string Name, JsonElement Status)> events)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var (name, status) in events.ReadAllAsync(timeout.Token))
        {
            if (name == nameof(ISyncClient.SyncCompleted))
            {
                return status;
            }
        }

        throw new InvalidOperationException("no SyncCompleted");
    }
}
