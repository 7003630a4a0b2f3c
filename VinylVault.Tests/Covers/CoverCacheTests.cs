using System.Net;
using System.Net.Http.Headers;
using VinylVault.Core.Covers;
using VinylVault.Tests.Api;
using Xunit.Abstractions;

namespace VinylVault.Tests.Covers;

/// <summary>The cover cache against the simulator's image host on real sockets: filled politely, served from disk.</summary>
public sealed class CoverCacheTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_sync_ends_with_every_cover_cached_politely_and_served_from_disk_with_the_host_gone()
    {
        await using var vault = await CoverVault.StartAsync(200, beforeApp: d => d.Simulator.Images.Latency = TimeSpan.FromMilliseconds(30));
        using var client = vault.App.CreateKeyClient();
        var releases = vault.ReleasesWithImages();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await SyncedVault.SyncThroughRestAsync(vault.App, client);
        output.WriteLine($"synced after {clock.Elapsed}");
        var covers = await CoverVault.WaitForCoversAsync(client, TimeSpan.FromSeconds(120));
        output.WriteLine($"covers settled after {clock.Elapsed}: {covers}");

        // Every thumb and cover of every release that has images, and nothing wasted.
        Assert.Equal(2 * releases.Count, covers.GetProperty("cached").GetInt32());
        Assert.Equal((0, 0, 0, 0), (covers.GetProperty("missing").GetInt32(), covers.GetProperty("failed").GetInt32(),
            covers.GetProperty("refused").GetInt32(), covers.GetProperty("queued").GetInt32()));
        var images = vault.Discogs.Simulator.Images;
        Assert.Equal(2 * releases.Count, images.Served);
        Assert.True(covers.GetProperty("bytes").GetInt64() > 2 * releases.Count * 100);
        // Polite: never more at once, or in any window, than configured; and no token for the image host.
        output.WriteLine($"{images.Requests} image requests, at most {images.PeakInFlight} at once and {images.PeakInWindow(CoverVault.Window)} in a window");
        Assert.InRange(images.PeakInFlight, 1, CoverVault.Concurrency);
        Assert.InRange(images.PeakInWindow(CoverVault.Window), 1, CoverVault.Limit);
        Assert.Equal(0, images.WithAuthorization);

        var metrics = await client.GetStringAsync("/metrics");
        Assert.Matches("vinylvault_cover_downloads_total\\{[^}]*result=\"cached\"", metrics);
        Assert.Contains("vinylvault_cover_cache_files", metrics, StringComparison.Ordinal);

        // With the image host gone, every cover is still there, from disk.
        await vault.Discogs.DisposeAsync();
        foreach (var id in releases)
        {
            foreach (var kind in (string[])["thumb", "cover"])
            {
                using var response = await client.GetAsync($"/covers/{id}/{kind}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("image/png", ImageSniffer.ContentType(await response.Content.ReadAsByteArrayAsync()));
            }
        }
    }

    [Fact]
    public async Task Covers_carry_a_strong_etag_answer_304_to_it_and_need_the_same_authentication_as_the_api()
    {
        await using var vault = await CoverVault.StartAsync(20, new Dictionary<string, string?> { ["Images:Prefetch"] = "false" });
        using var client = vault.App.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(vault.App, client);
        var id = vault.ReleasesWithImages()[0];

        // Prefetch off: nothing was downloaded until the cover was asked for, then it is fetched through once.
        Assert.Equal(0, vault.Discogs.Simulator.Images.Requests);
        using var first = await client.GetAsync($"/covers/{id}/thumb");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.False(etag!.IsWeak);
        var cacheControl = first.Headers.CacheControl!;
        Assert.Equal((true, TimeSpan.FromSeconds(31536000)), (cacheControl.Private, cacheControl.MaxAge));
        Assert.Contains(cacheControl.Extensions, e => e.Name == "immutable");

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/covers/{id}/thumb");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(1, vault.Discogs.Simulator.Images.Requests);

        using var anonymous = vault.App.CreateAnonymousClient();
        await ApiAssert.ProblemAsync(await anonymous.GetAsync($"/covers/{id}/thumb"), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await client.GetAsync("/covers/999999999/cover"), HttpStatusCode.NotFound);
        using var owner = await vault.App.CreateOwnerClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/covers/{id}/thumb")).StatusCode);
    }

    [Fact]
    public async Task A_429_storm_from_the_image_host_is_ridden_out_without_losing_a_cover()
    {
        await using var vault = await CoverVault.StartAsync(40);
        using var client = vault.App.CreateKeyClient();
        var releases = vault.ReleasesWithImages();
        vault.Discogs.Simulator.Images.Storm(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));

        await SyncedVault.SyncThroughRestAsync(vault.App, client);
        var covers = await CoverVault.WaitForCoversAsync(client, TimeSpan.FromSeconds(120));

        var images = vault.Discogs.Simulator.Images;
        output.WriteLine($"{images.TooManyRequests} answers 429 of {images.Requests}");
        Assert.True(images.TooManyRequests > 0, "the storm never hit");
        Assert.Equal(2 * releases.Count, covers.GetProperty("cached").GetInt32());
        Assert.Equal(0, covers.GetProperty("failed").GetInt32());
        Assert.InRange(images.PeakInWindow(CoverVault.Window), 1, CoverVault.Limit);
    }
}
