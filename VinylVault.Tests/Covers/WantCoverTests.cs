using System.Net;
using VinylVault.Core.Covers;
using VinylVault.Tests.Api;
using VinylVault.Tests.Support;
using Xunit.Abstractions;

namespace VinylVault.Tests.Covers;

/// <summary>The wants' covers in the cache: prefetched after the collection's, served with Discogs gone, deleted with the want.</summary>
public sealed class WantCoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_sync_with_a_wantlist_the_wants_covers_come_after_the_collections_and_are_served_offline()
    {
        await using var vault = await CoverVault.StartAsync(20, wantlistSize: 14);
        using var client = vault.App.CreateKeyClient();
        var owned = vault.ReleasesWithImages();
        var wants = CoverVault.WantsWithImages(vault.Discogs);
        var images = vault.Discogs.Simulator.Images;
        Assert.InRange(wants.Count, 5, 13); // a few wants are of releases already owned: their covers are the collection's

        await SyncedVault.SyncThroughRestAsync(vault.App, client);
        var covers = await CoverVault.WaitForCoversAsync(client, TimeSpan.FromSeconds(120));
        output.WriteLine($"{owned.Count} owned and {wants.Count} wanted releases with images: {covers}");
        Assert.Equal(2 * (owned.Count + wants.Count), covers.GetProperty("cached").GetInt32());
        Assert.Equal(2 * (owned.Count + wants.Count), images.Served);

        // Lower priority: every collection cover was answered before the wants' but those in flight at the turn. The
        // first want took one of the lane's slots, so at most the other slots' owned covers come after it (how far
        // after depends on how long each took to draw, so positions are not counted, only covers).
        var served = images.ServedReleases().ToList();
        var ownedAfterFirstWant = served.Skip(served.FindIndex(wants.Contains)).Count(owned.Contains);
        Assert.InRange(ownedAfterFirstWant, 0, CoverVault.Concurrency - 1);

        // A want removed on Discogs: after the next complete sync its covers are gone, the other wants' stay.
        var directory = Path.Combine(vault.App.DataDirectory, "covers");
        bool OnDisk(long id) => Directory.EnumerateFiles(directory, $"{id}-*").Count() == 2;
        Assert.All(wants, id => Assert.True(OnDisk(id), $"covers of want {id} on disk"));
        var (dropped, kept) = (wants[0], wants.Skip(1).ToList());
        Assert.True(vault.Discogs.Simulator.Collection.Wantlist.Remove(dropped));
        await SyncedVault.SyncThroughRestAsync(vault.App, client);
        await Eventually.TrueAsync(() => Task.FromResult(!Directory.EnumerateFiles(directory, $"{dropped}-*").Any()),
            "the removed want's covers deleted", TimeSpan.FromSeconds(30));
        Assert.All(kept, id => Assert.True(OnDisk(id), $"covers of want {id} kept"));

        // Discogs gone: the wants' covers come from disk.
        await vault.Discogs.DisposeAsync();
        foreach (var id in kept)
        {
            foreach (var kind in (string[])[CoverKind.Thumb, CoverKind.Cover])
            {
                using var response = await client.GetAsync($"/covers/{id}/{kind}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("image/png", ImageSniffer.ContentType(await response.Content.ReadAsByteArrayAsync()));
            }
        }

        Assert.Equal(2 * (owned.Count + wants.Count), images.Served);
    }
}
