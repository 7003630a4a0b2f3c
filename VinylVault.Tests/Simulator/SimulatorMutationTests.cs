using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using VinylVault.Api.Simulator;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Simulator;

/// <summary>What a test changes in the simulated collection is what the next walk of the pages shows.</summary>
public sealed class SimulatorMutationTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 18, 30, 0, TimeSpan.Zero));

    private Task<SimulatorServer> StartAsync(int size = 150) =>
        SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (size, 100_000), _time);

    private static string Json(IEnumerable<CollectionItem> items) =>
        JsonSerializer.Serialize(items.OrderBy(i => i.InstanceId).ToList(), DiscogsJson.Options);

    [Fact]
    public async Task The_expected_collection_is_exactly_what_walking_the_pages_parses()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        var walked = await client.CollectionItemsAsync("demo");

        Assert.Equal(Json(server.ExpectedCollection()), Json(walked));
    }

    [Fact]
    public async Task Added_items_appear_dated_now_with_details_that_can_be_fetched()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        var added = server.Simulator.Collection.AddItems(5, folderId: 2);
        var walked = await client.CollectionItemsAsync("demo");

        Assert.Equal(155, walked.Count);
        var newOnes = walked.Where(i => added.Any(a => a.InstanceId == i.InstanceId)).ToList();
        Assert.Equal(5, newOnes.Count);
        Assert.All(newOnes, i => Assert.Equal(_time.GetUtcNow(), i.DateAdded));
        Assert.All(newOnes, i => Assert.Equal(2, i.FolderId));
        Assert.All(added, a => Assert.True(a.InstanceId > server.Simulator.Collection.Items.Where(i => !added.Contains(i)).Max(i => i.InstanceId)));
        foreach (var item in added)
        {
            Assert.Equal(item.ReleaseId, (await client.GetDiscogsAsync<DiscogsRelease>($"releases/{item.ReleaseId}")).Id);
        }

        Assert.Equal(Json(server.ExpectedCollection()), Json(walked));
    }

    [Fact]
    public async Task Removed_items_vanish_from_pages_and_counts()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        var gone = server.Simulator.Collection.Items.Take(3).Select(i => i.InstanceId).ToList();

        Assert.Equal(3, server.Simulator.Collection.Remove(gone));
        var walked = await client.CollectionItemsAsync("demo");
        var folders = await client.GetDiscogsAsync<FolderList>("users/demo/collection/folders");

        Assert.Equal(147, walked.Count);
        Assert.DoesNotContain(walked, i => gone.Contains(i.InstanceId));
        Assert.Equal(147, folders.Folders[0].Count);
        Assert.False(server.Simulator.Collection.Remove(gone[0]));
    }

    [Fact]
    public async Task Rating_moving_and_annotating_a_copy_show_in_the_next_walk()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        var collection = server.Simulator.Collection;
        var target = collection.Items[10];
        var newFolder = collection.AddFolder("Dub Plates");

        collection.Rate(target.InstanceId, target.Rating == 5 ? 1 : 5);
        collection.Move(target.InstanceId, newFolder.Id);
        collection.SetNote(target.InstanceId, SimulatedFields.Notes, "Cleaned 2025 ✓");
        collection.SetNote(target.InstanceId, SimulatedFields.MediaCondition, null);
        var walked = (await client.CollectionItemsAsync("demo")).Single(i => i.InstanceId == target.InstanceId);
        var inFolder = await client.CollectionItemsAsync("demo", newFolder.Id);

        Assert.Equal(target.Rating == 5 ? 1 : 5, walked.Rating);
        Assert.Equal(newFolder.Id, walked.FolderId);
        Assert.Contains(new CollectionNote(SimulatedFields.Notes, "Cleaned 2025 ✓"), walked.Notes);
        Assert.DoesNotContain(walked.Notes, n => n.FieldId == SimulatedFields.MediaCondition);
        Assert.Equal([target.InstanceId], inFolder.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task A_second_copy_of_an_owned_release_is_a_new_instance()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        var owned = server.Simulator.Collection.Items[0];

        var copy = server.Simulator.Collection.AddCopy(owned.ReleaseId, folderId: 4);
        var copies = (await client.CollectionItemsAsync("demo")).Where(i => i.Id == owned.ReleaseId).ToList();

        Assert.True(copies.Count >= 2);
        Assert.Contains(copies, c => c.InstanceId == copy.InstanceId && c.FolderId == 4);
        Assert.Contains(copies, c => c.InstanceId == owned.InstanceId);
    }

    [Fact]
    public async Task Invalid_changes_are_refused()
    {
        await using var server = await StartAsync(10);
        var collection = server.Simulator.Collection;
        var item = collection.Items[0];

        Assert.Throws<ArgumentException>(() => collection.Move(item.InstanceId, 0));
        Assert.Throws<ArgumentException>(() => collection.Move(item.InstanceId, 99));
        Assert.Throws<ArgumentOutOfRangeException>(() => collection.Rate(item.InstanceId, 6));
        Assert.Throws<KeyNotFoundException>(() => collection.Rate(1, 3));
        Assert.Throws<ArgumentException>(() => collection.AddCopy(9));
        Assert.Equal(item, collection[item.InstanceId]);
    }

    [Fact]
    public async Task Expected_release_matches_what_the_release_endpoint_parses()
    {
        await using var server = await StartAsync(20);
        using var client = server.CreateClient();
        var id = server.Simulator.Collection.ReleaseIds[3];

        var fetched = await client.GetDiscogsAsync<DiscogsRelease>($"releases/{id}");

        Assert.Equal(JsonSerializer.Serialize(server.ExpectedRelease(id), DiscogsJson.Options), JsonSerializer.Serialize(fetched, DiscogsJson.Options));
        Assert.Null(server.ExpectedRelease(9));
        using var missing = await client.GetAsync("releases/9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
