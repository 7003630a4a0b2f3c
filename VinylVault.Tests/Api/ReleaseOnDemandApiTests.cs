using VinylVault.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Tests.Discogs.Support;

namespace VinylVault.Tests.Api;

/// <summary>GET /api/releases/{id} of a release without details: answered at once, the details a moment later.</summary>
public sealed class ReleaseOnDemandApiTests : SimulatedVault
{
    [Fact]
    public async Task A_release_without_details_answers_at_once_and_a_second_get_a_moment_later_has_them_for_one_request()
    {
        using var client = App.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(App, client);
        var releaseId = Discogs.Simulator.Collection.ReleaseIds[^1];
        var contexts = App.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // As if the sync had only read the pages so far.
            await db.Releases.Where(r => r.Id == releaseId).ExecuteUpdateAsync(s => s.SetProperty(r => r.HasDetails, false));
            await db.Tracks.Where(t => t.ReleaseId == releaseId).ExecuteDeleteAsync();
        }

        Discogs.Simulator.ResetTraffic();
        var first = await ApiAssert.JsonAsync(await client.GetAsync($"/api/releases/{releaseId}"));
        Assert.False(first.GetProperty("has_details").GetBoolean());
        Assert.Empty(first.GetProperty("tracklist").EnumerateArray());
        await ApiAssert.JsonAsync(await client.GetAsync($"/api/releases/{releaseId}")); // opened twice

        JsonElement later = default;
        await Eventually.TrueAsync(async () =>
        {
            later = await client.GetFromJsonAsync<JsonElement>($"/api/releases/{releaseId}");
            return later.GetProperty("has_details").GetBoolean();
        }, "the details");
        Assert.Equal(Discogs.ExpectedRelease(releaseId)!.Tracklist.Count, later.GetProperty("tracklist").GetArrayLength());
        Assert.Equal(1, Discogs.Simulator.Counters.TotalRequests);
    }
}
