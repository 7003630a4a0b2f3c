using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Sync;
using VinylVault.Tests.Api;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Load;

/// <summary>
/// What one load run measured. Latencies in milliseconds: in the open loop counted from when each request was due, in
/// the closed loop from when it was sent. <see cref="ByKind"/> is empty when wrk generated the load.
/// </summary>
public sealed record LoadResult(int Requests, double P50, double P95, double P99, int Errors, int TooMany, TimeSpan Elapsed, double SyncRatio,
    string SyncOutcome, string Generator, string ByKind, int Gen0, int Gen2, TimeSpan GcPause, int ThreadsBefore, int ThreadsAfter, TimeSpan Cpu)
{
    public double Rate => Requests / Elapsed.TotalSeconds;

    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p / 100 * sorted.Length))];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} requests at {Rate:0} req/s ({Generator}): p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, " +
        $"errors {Errors}, 429s {TooMany}, sync {SyncOutcome} T/Tmin {SyncRatio:0.000}; GC gen0 {Gen0} gen2 {Gen2} pause {GcPause.TotalMilliseconds:0} ms; " +
        $"pool threads {ThreadsBefore} -> {ThreadsAfter}; app process CPU {Cpu.TotalMilliseconds / Requests:0.00} ms a request{(ByKind.Length > 0 ? "; by kind: " + ByKind : "")}");
}

/// <summary>
/// A collection synced once, then a full sync at the limit while REST clients, hub connections and dashboard-like
/// readers load the app on its real socket. Open loop (a fixed schedule: a stalled server cannot hide its queue) or
/// closed loop (each client sends its next request when the last one answered: the capacity).
/// </summary>
public static class LoadDriver
{
    public const int Limit = 60;

    /// <summary>
    /// <paramref name="runs"/> runs on one app, as a Pi serves for days: the first pays the JIT and the first
    /// compilation of each query, the later ones show the app warm. Each run is a full sync under the load.
    /// </summary>
    /// <param name="wrk">The closed loop is run by wrk in its own process (<see cref="WrkGenerator"/>), not by an HttpClient in this one.</param>
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(int collectionSize, int clients, double? openLoopRate, TimeSpan duration,
        int hubs = 20, int dashboards = 3, bool sync = true, int runs = 1, bool wrk = false)
    {
        await using var discogs = await DiscogsFixture.StartAsync(collectionSize);
        var data = Path.Combine(Path.GetTempPath(), "vinylvault-load", Guid.NewGuid().ToString("N"));
        var settings = DiscogsFixture.Settings(discogs);
        settings["Storage:DataDirectory"] = data;
        try
        {
            await using (var seeding = new VaultApp(settings))
            {
                using var client = seeding.CreateKeyClient();
                await SyncedVault.SyncThroughRestAsync(seeding, client);
            }

            // From here the client's limiter and the simulator agree on 60 per second: a full sync runs at the limit.
            settings["Discogs:MaxRequestsPerMinute"] = Limit.ToString(CultureInfo.InvariantCulture);
            discogs.Simulator.RateLimit.Configure(Limit, TimeSpan.FromSeconds(1));
            // Measured as it runs at home: production environment and logging, not the tests' debug capture.
            await using var app = new VaultApp(settings, environment: "Production", captureLogs: false);
            var results = new List<LoadResult>();
            for (var i = 0; i < runs; i++)
            {
                // A window after the last run's sync, so each run starts with the whole budget.
                await Task.Delay(TimeSpan.FromSeconds(1.1));
                discogs.Simulator.ResetTraffic();
                results.Add(await LoadAsync(app, discogs, clients, openLoopRate, duration, hubs, dashboards, sync, wrk));
            }

            return results;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<LoadResult> LoadAsync(VaultApp app, SimulatorServer discogs, int clients, double? openLoopRate, TimeSpan duration, int hubs, int dashboards, bool sync, bool wrk)
    {
        using var admin = app.CreateKeyClient();
        var paths = await PathsAsync(admin);
        var connections = new List<HubConnection>();
        for (var i = 0; i < hubs; i++)
        {
            var hub = SyncHubTests.Connect(app, VaultApp.BootstrapKey);
            hub.On<System.Text.Json.JsonElement>("SyncProgress", _ => { });
            await hub.StartAsync();
            connections.Add(hub);
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", VaultApp.BootstrapKey);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => http.GetAsync("/api/sync/status")));

        var worker = app.Services.GetRequiredService<SyncWorker>();
        var (gen0, gen2, pause, threads) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), ThreadPool.ThreadCount);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var samples = new ConcurrentBag<(string Kind, double Ms, bool Ok)>();
        var clock = Stopwatch.StartNew();
        if (sync)
        {
            Assert.Equal(SyncStartResult.Started, worker.TryStart(forceFull: true));
        }

        using var stop = new CancellationTokenSource(duration);
        var dashboardLoops = Enumerable.Range(0, dashboards).Select(_ => DashboardAsync(app.Services.GetRequiredService<CollectionQueries>(), stop.Token)).ToList();
        WrkGenerator.Figures? external = null;
        if (openLoopRate is { } rate)
        {
            await OpenLoopAsync(http, paths, rate, duration, samples);
        }
        else if (wrk)
        {
            external = await WrkGenerator.RunAsync(app.Address, VaultApp.BootstrapKey, paths, clients, duration);
        }
        else
        {
            await ClosedLoopAsync(http, paths, clients, stop.Token, samples);
        }

        var elapsed = external?.Elapsed ?? clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await Task.WhenAll(dashboardLoops);
        await worker.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var (syncRatio, syncOutcome) = sync
            ? (Ratio(worker.Status, discogs.Simulator.Counters.TotalRequests, clock.Elapsed), worker.Status.Status.ToString().ToLowerInvariant())
            : (double.NaN, "not run");
        var (gc0, gc2, gcPause) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - pause);
        var tooMany = discogs.Simulator.Counters.TooManyRequests;
        var sorted = samples.Select(s => s.Ms).Order().ToArray();
        var result = external is { } w
            ? new LoadResult(w.Requests, w.P50, w.P95, w.P99, w.Errors, tooMany, elapsed, syncRatio, syncOutcome, "wrk, own process", "",
                gc0, gc2, gcPause, threads, ThreadPool.ThreadCount, cpu)
            : new LoadResult(sorted.Length, LoadResult.Percentile(sorted, 50), LoadResult.Percentile(sorted, 95), LoadResult.Percentile(sorted, 99),
                samples.Count(s => !s.Ok), tooMany, elapsed, syncRatio, syncOutcome, openLoopRate is null ? "HttpClient, this process" : "open loop, this process",
                ByKind(samples), gc0, gc2, gcPause, threads, ThreadPool.ThreadCount, cpu);
        foreach (var hub in connections)
        {
            await hub.DisposeAsync();
        }

        return result;
    }

    /// <summary>T over Tmin = floor((R - 1) / L) x W for the R requests the sync sent (a run that ended early says so in its outcome).</summary>
    private static double Ratio(SyncStatus status, int requests, TimeSpan elapsed)
    {
        var finished = status.FinishedAt - status.StartedAt ?? elapsed;
        var tmin = TimeSpan.FromSeconds(Math.Floor((requests - 1) / (double)Limit));
        return tmin > TimeSpan.Zero ? finished / tmin : double.NaN;
    }

    private static async Task<string[]> PathsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/collection?page_size=100");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var genres = items.SelectMany(i => i.GetProperty("genres").EnumerateArray().Select(g => g.GetString()!)).Distinct().Take(5).ToList();
        var releases = items.Select(i => i.GetProperty("release_id").GetInt64()).Take(20).ToList();
        var paths = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            paths.Add(i % 2 == 0
                ? $"/api/collection?genre={Uri.EscapeDataString(genres[i % genres.Count])}&page={1 + i % 3}&page_size=50&sort=year&order=desc"
                : $"/api/collection?q={(char)('a' + i)}&page_size=25");
            paths.Add($"/api/releases/{releases[i]}");
            paths.Add("/api/stats");
            paths.Add("/api/sync/status");
        }

        return [.. paths];
    }

    private static string ByKind(IEnumerable<(string Kind, double Ms, bool Ok)> samples) => string.Join(", ", samples.GroupBy(s => s.Kind).Select(g =>
    {
        var sorted = g.Select(s => s.Ms).Order().ToArray();
        return FormattableString.Invariant($"{g.Key} p50 {LoadResult.Percentile(sorted, 50):0.0}/p99 {LoadResult.Percentile(sorted, 99):0.0}");
    }));

    private static string Kind(string path) => path.Split('?')[0] switch
    {
        var p when p.StartsWith("/api/releases/", StringComparison.Ordinal) => "release",
        "/api/collection" => "collection",
        "/api/stats" => "stats",
        _ => "status",
    };

    private static async Task OpenLoopAsync(HttpClient http, string[] paths, double rate, TimeSpan duration, ConcurrentBag<(string, double, bool)> samples)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var started = Stopwatch.GetTimestamp();
        var sent = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            sent.Add(SendAsync(http, paths[i % paths.Length], started + (long)(due.TotalSeconds * Stopwatch.Frequency), samples));
        }

        await Task.WhenAll(sent);
    }

    private static Task ClosedLoopAsync(HttpClient http, string[] paths, int clients, CancellationToken stop, ConcurrentBag<(string, double, bool)> samples) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            for (var i = c; !stop.IsCancellationRequested; i += clients)
            {
                await SendAsync(http, paths[i % paths.Length], Stopwatch.GetTimestamp(), samples);
            }
        }));

    private static async Task SendAsync(HttpClient http, string path, long due, ConcurrentBag<(string, double, bool)> samples)
    {
        bool ok;
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            ok = response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            ok = false;
        }

        samples.Add((Kind(path), Stopwatch.GetElapsedTime(due).TotalMilliseconds, ok));
    }

    /// <summary>What an open dashboard costs the server while a sync writes: the figures re-read every 2 s (Dashboard.razor).</summary>
    private static async Task DashboardAsync(CollectionQueries queries, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await queries.GetStatsAsync(CancellationToken.None);
            await queries.GetPageAsync(new CollectionQuery { Sort = CollectionSort.DateAdded, Order = SortOrder.Desc, PageSize = 12 }, CancellationToken.None);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
