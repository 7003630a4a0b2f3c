using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VinylVault.Core.Covers;
using VinylVault.Tests.Api;
using VinylVault.Tests.Support;
using Xunit.Abstractions;

namespace VinylVault.Tests.Covers;

/// <summary>
/// The cover cache against the simulator's image host on real sockets. A whole sync filled politely and served with
/// Discogs gone, in a browser, is <see cref="Browser.OfflineCoversTests"/>.
/// </summary>
public sealed class CoverCacheTests(ITestOutputHelper output)
{
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
        var images = CoverVault.ReleasesToCache(vault.Discogs).Count * 2;
        vault.Discogs.Simulator.Images.Storm(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));

        await SyncedVault.SyncThroughRestAsync(vault.App, client);
        var covers = await CoverVault.WaitForCoversAsync(client, TimeSpan.FromSeconds(120));

        var host = vault.Discogs.Simulator.Images;
        output.WriteLine($"{host.TooManyRequests} answers 429 of {host.Requests}");
        Assert.True(host.TooManyRequests > 0, "the storm never hit");
        Assert.Equal(images, covers.GetProperty("cached").GetInt32());
        Assert.Equal(0, covers.GetProperty("failed").GetInt32());
        Assert.InRange(host.PeakInWindow(CoverVault.Window), 1, CoverVault.Limit);
    }

    [Fact]
    public async Task Over_Images_MaxCacheMb_the_cache_evicts_but_never_the_first_screen_and_an_evicted_cover_comes_back_when_shown()
    {
        const int CapMb = 7; // about 60 releases of the simulator's covers; the first screen needs 48
        await using var vault = await CoverVault.StartAsync(90, new Dictionary<string, string?> { ["Images:MaxCacheMb"] = CapMb.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var client = vault.App.CreateKeyClient();
        var releases = vault.ReleasesWithImages();
        var wanted = 2 * CoverVault.ReleasesToCache(vault.Discogs).Count; // the wants' covers come last
        var images = vault.Discogs.Simulator.Images;
        await SyncedVault.SyncThroughRestAsync(vault.App, client);

        // Every image is downloaded once (an evicted one is not fetched again until shown), then the lane rests.
        await Eventually.TrueAsync(async () => images.Served == wanted
            && (await client.GetFromJsonAsync<JsonElement>("/api/covers")).GetProperty("queued").GetInt32() == 0,
            "every cover downloaded once", TimeSpan.FromSeconds(120));
        var covers = await client.GetFromJsonAsync<JsonElement>("/api/covers");
        output.WriteLine($"{covers} after {images.Served} downloads");
        Assert.InRange(covers.GetProperty("bytes").GetInt64(), 1, CapMb * 1024L * 1024L);
        Assert.InRange(covers.GetProperty("cached").GetInt32(), 2 * CoverEviction.FirstScreen, wanted - 1);

        // The first screen of the collection's default sort is all there, from disk.
        var firstScreen = await client.GetFromJsonAsync<JsonElement>($"/api/collection?page_size={CoverEviction.FirstScreen}");
        var shownFirst = firstScreen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("release_id").GetInt64()).Where(releases.Contains).ToList();
        var files = Directory.GetFiles(Path.Combine(vault.App.DataDirectory, "covers")).Select(Path.GetFileName).ToHashSet();
        Assert.All(shownFirst, id => Assert.Contains(files, f => f!.StartsWith($"{id}-cover.", StringComparison.Ordinal)));
        Assert.All(shownFirst, id => Assert.Contains(files, f => f!.StartsWith($"{id}-thumb.", StringComparison.Ordinal)));

        // An evicted cover is fetched through again when shown.
        var evicted = releases.First(id => !files.Any(f => f!.StartsWith($"{id}-cover.", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/covers/{evicted}/cover")).StatusCode);
        Assert.Equal(wanted + 1, images.Served);
    }
}
