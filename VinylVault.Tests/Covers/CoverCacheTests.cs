using System.Net;
using System.Net.Http.Headers;
using VinylVault.Core.Covers;
using VinylVault.Tests.Api;
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
