using System.Text.Json;
using VinylVault.Tests.Api;

namespace VinylVault.Tests.Lookup;

public sealed class OfflineLookupTests
{
    [Fact]
    public async Task Offline_a_barcode_lookup_still_answers_200_from_the_database_with_discogs_null()
    {
        await using var discogs = await DiscogsFixture.StartAsync(12);
        await using var app = new VaultApp(DiscogsFixture.Settings(discogs));
        using var client = app.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(app, client);
        var owned = discogs.Simulator.Collection.Items.First(i => discogs.Simulator.Catalog.TryGet(i.ReleaseId, out var r) && r.Barcode is not null);
        discogs.Simulator.Catalog.TryGet(owned.ReleaseId, out var release);

        discogs.Simulator.Faults.Unreachable = true; // every connection dropped, as when the line is down
        var answer = await LookupApiTests.LookupAsync(client, $"barcode={Uri.EscapeDataString(release.Barcode!)}");

        Assert.Equal(JsonValueKind.Null, answer.GetProperty("discogs").ValueKind);
        Assert.Contains(answer.GetProperty("owned").EnumerateArray(), o => o.GetProperty("instance_id").GetInt64() == owned.InstanceId);
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("wanted").ValueKind);
    }
}
