using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Api.Simulator;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Tests.Api;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Outbox;

/// <summary>A simulated Discogs, the whole app pointed at it and synced once, and a script's client: each test edits its own.</summary>
public sealed class EditingVault : IAsyncDisposable
{
    private EditingVault(SimulatorServer discogs, VaultApp app)
    {
        Discogs = discogs;
        App = app;
        Client = app.CreateKeyClient();
    }

    public SimulatorServer Discogs { get; }
    public DiscogsSimulator Simulator => Discogs.Simulator;
    public VaultApp App { get; }
    public HttpClient Client { get; }
    public IDbContextFactory<VaultDbContext> Contexts => App.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();

    public static async Task<EditingVault> StartAsync(int collectionSize = 60, int? wantlistSize = null, Action<SimulatorServer, Dictionary<string, string?>>? configure = null)
    {
        var discogs = await DiscogsFixture.StartAsync(collectionSize, wantlistSize);
        var settings = DiscogsFixture.Settings(discogs);
        settings["Outbox:MaxBackoffSeconds"] = "1";
        configure?.Invoke(discogs, settings);
        var vault = new EditingVault(discogs, new VaultApp(settings));
        await vault.SyncAsync();
        return vault;
    }

    public Task<JsonElement> SyncAsync() => SyncedVault.SyncThroughRestAsync(App, Client);

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Client.SendAsync(request);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.Accepted);
    }

    public Task<JsonElement> PatchAsync(long instanceId, object body) => SendAsync(HttpMethod.Patch, $"/api/collection/{instanceId}", body);

    public async Task<List<JsonElement>> OutboxAsync() =>
        [.. (await Client.GetFromJsonAsync<JsonElement>("/api/outbox")).GetProperty("items").EnumerateArray()];

    /// <summary>Polls GET /api/outbox until nothing waits (failed entries count as waiting).</summary>
    public async Task DrainedAsync(TimeSpan? patience = null)
    {
        var watch = Stopwatch.StartNew();
        while ((await OutboxAsync()).Any(e => e.GetProperty("state").GetString() != "sent"))
        {
            Assert.True(watch.Elapsed < (patience ?? TimeSpan.FromSeconds(60)), $"The outbox did not drain: {string.Join("\n", await OutboxAsync())}");
            await Task.Delay(50);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < (patience ?? TimeSpan.FromSeconds(60)), $"Waited in vain for {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>The collection as the user edits it: every copy (release, folder, rating, fields) and every folder; one line each.</summary>
    public Task<List<string>> LocalStateAsync() => CollectionState.LocalAsync(Contexts);

    public List<string> DiscogsState() => CollectionState.Of(Simulator);

    public async Task<List<string>> CustomFieldOptionsAsync(string name)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return (await db.CustomFields.SingleAsync(f => f.Name == name)).Options;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Discogs.DisposeAsync();
    }
}
