using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Api.Sync;
using VinylVault.Core.Sync;

namespace VinylVault.Tests.Api;

/// <summary>The hub over a real WebSocket: who may listen, and what a listener receives from the progress publisher.</summary>
public sealed class SyncHubTests : IAsyncDisposable
{
    private readonly VaultApp _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    internal static HubConnection Connect(VaultApp app, string? key) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Address, "hubs/sync"), o =>
        {
            // WebSockets only, without negotiation: the key travels as access_token, as a browser script sends it.
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.AccessTokenProvider = () => Task.FromResult(key);
        })
        .Build();

    /// <summary>Every event the connection receives, in order, as (name, raw JSON payload).</summary>
    internal static ChannelReader<(string Name, JsonElement Status)> Listen(HubConnection connection)
    {
        var events = Channel.CreateUnbounded<(string, JsonElement)>();
        connection.On<JsonElement>(nameof(ISyncClient.SyncProgress), s => events.Writer.TryWrite((nameof(ISyncClient.SyncProgress), s)));
        connection.On<JsonElement>(nameof(ISyncClient.SyncCompleted), s => events.Writer.TryWrite((nameof(ISyncClient.SyncCompleted), s)));
        return events.Reader;
    }

    [Fact]
    public async Task A_listener_receives_progress_then_completion_as_sync_status_objects()
    {
        await using var connection = Connect(_app, VaultApp.BootstrapKey);
        var events = Listen(connection);
        await connection.StartAsync();

        var progress = _app.Services.GetRequiredService<SyncProgress>();
        var started = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        progress.Report(new SyncStatus { Status = SyncState.Syncing, Phase = SyncPhase.Pages, ProcessedItems = 0, TotalItems = 10, StartedAt = started });
        progress.Report(new SyncStatus
        {
            Status = SyncState.Syncing,
            Phase = SyncPhase.Details,
            ProgressPercent = 50,
            ProcessedItems = 5,
            TotalItems = 10,
            EstimatedCompletion = started.AddMinutes(1),
            StartedAt = started,
        });
        progress.Report(new SyncStatus { Status = SyncState.Completed, ProgressPercent = 100, ProcessedItems = 10, TotalItems = 10, StartedAt = started });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var first = await events.ReadAsync(timeout.Token);
        var second = await events.ReadAsync(timeout.Token);
        var last = await events.ReadAsync(timeout.Token);
        Assert.Equal(nameof(ISyncClient.SyncProgress), first.Name);
        Assert.Equal(nameof(ISyncClient.SyncProgress), second.Name);
        Assert.Equal(nameof(ISyncClient.SyncCompleted), last.Name);

        var status = second.Status;
        Assert.Equal("syncing", status.GetProperty("status").GetString());
        Assert.Equal(50, status.GetProperty("progress_percent").GetDouble());
        Assert.Equal(5, status.GetProperty("processed_items").GetInt32());
        Assert.Equal(10, status.GetProperty("total_items").GetInt32());
        Assert.Equal("2026-01-02T03:05:05Z", status.GetProperty("estimated_completion").GetString());
        Assert.Equal("completed", last.Status.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, last.Status.GetProperty("estimated_completion").ValueKind);
    }

    [Fact]
    public async Task A_listener_receives_progress_during_a_real_sync_then_the_completion()
    {
        await using var discogs = await DiscogsFixture.StartAsync(SimulatedVault.CollectionSize);
        // Thirty requests a second: the run takes about two seconds, long enough for several progress events.
        var settings = DiscogsFixture.Settings(discogs);
        settings["Discogs:MaxRequestsPerMinute"] = "30";
        await using var app = new VaultApp(settings);
        await using var connection = Connect(app, VaultApp.BootstrapKey);
        var events = Listen(connection);
        await connection.StartAsync();

        using var client = app.CreateKeyClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/sync/start", null)).StatusCode);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var progress = new List<JsonElement>();
        (string Name, JsonElement Status) received;
        while ((received = await events.ReadAsync(timeout.Token)).Name == nameof(ISyncClient.SyncProgress))
        {
            progress.Add(received.Status);
        }

        Assert.Equal(nameof(ISyncClient.SyncCompleted), received.Name);
        Assert.True(progress.Count >= 2, $"only {progress.Count} progress events");
        Assert.All(progress, p => Assert.Equal("syncing", p.GetProperty("status").GetString()));
        Assert.Contains(progress, p => p.GetProperty("processed_items").GetInt32() > 0 && p.GetProperty("processed_items").GetInt32() < p.GetProperty("total_items").GetInt32());
        Assert.Contains(progress, p => p.GetProperty("estimated_completion").ValueKind == JsonValueKind.String);
        var done = received.Status;
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(100, done.GetProperty("progress_percent").GetDouble());
        Assert.Equal(done.GetProperty("total_items").GetInt32(), done.GetProperty("processed_items").GetInt32());
        Assert.True(events.Count == 0 || (await events.ReadAsync(timeout.Token)).Name != nameof(ISyncClient.SyncProgress));
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_listeners_and_unknown_keys()
    {
        await using var anonymous = Connect(_app, null);
        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.StartAsync());

        await using var wrong = Connect(_app, "vv_wrong");
        await Assert.ThrowsAnyAsync<Exception>(() => wrong.StartAsync());

        using var client = _app.CreateAnonymousClient();
        await ApiAssert.ProblemAsync(await client.PostAsync("/hubs/sync/negotiate?negotiateVersion=1", null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_owner_cookie_also_opens_the_hub()
    {
        using var owner = await _app.CreateOwnerClientAsync();
        using var negotiate = await owner.PostAsync("/hubs/sync/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }
}
