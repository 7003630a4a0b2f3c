using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Sync;

namespace VinylVault.Tests.Api;

/// <summary>A simulated Discogs, the app pointed at it, and one completed sync started through REST: the collection the read tests query.</summary>
public sealed class SyncedVault : SimulatedVault
{
    protected override async Task ReadyAsync()
    {
        using var client = App.CreateKeyClient();
        await SyncThroughRestAsync(App, client);
    }

    /// <summary>POST /api/sync/start, then waits for the worker to be idle; returns the final sync_status.</summary>
    public static async Task<JsonElement> SyncThroughRestAsync(VaultApp app, HttpClient client, bool forceFull = false)
    {
        using var started = await client.PostAsJsonAsync("/api/sync/start", new { force_full = forceFull });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await app.Services.GetRequiredService<SyncWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var status = await client.GetFromJsonAsync<JsonElement>("/api/sync/status");
        return status.GetProperty("sync_status");
    }
}
