using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Sync;
using VinylVault.Tests.Simulator;
using VinylVault.Tests.Support;
using Xunit.Abstractions;

namespace VinylVault.Tests.Sync;

/// <summary>
/// A sync killed with SIGKILL in the middle of a burst (a real child process, no shutdown of any kind), and a
/// process started at once on the same data: it resumes by itself, never sends into the window its predecessor
/// filled (no 429), fetches again only what was in flight, and ends with exactly the simulator's collection.
/// SIGTERM during a sync stops it at once, recorded as interrupted, and the next start resumes it.
/// </summary>
public sealed class SyncKillTests(ITestOutputHelper output)
{
    private const int Items = 150;
    // A window long enough that the restarted process sends into the one its predecessor filled.
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_sync_killed_as_its_burst_fills_the_window_resumes_at_once_by_itself_without_a_429()
    {
        await using var server = await StartServerAsync();
        var distinct = server.Simulator.Collection.ReleaseIds.Count;
        var directory = SyncHarness.NewDataDirectory();
        using (var child = StartChild(server, directory))
        {
            // The kill falls as the first burst of details ends: the whole window's budget sent within a moment, the
            // last of it still in flight (folders, fields and 2 pages came first).
            await KillWhenAsync(child, () => server.Simulator.Counters.Requests("release", 200) >= SyncHost.Limit - 8, kill: c => c.Kill());
        }

        var servedAtKill = server.Simulator.Counters.Requests("release", 200);
        Assert.InRange(servedAtKill, SyncHost.Limit - 8, distinct - 1);
        Assert.Equal("ok", await IntegrityCheckAsync(directory));

        // Started at once, and nobody asks it to sync.
        await using var restarted = await SyncHarness.StartAsync(server, ownsServer: false, directory, Settings());
        var (interrupted, resumed) = await ResumedRunAsync(restarted);

        Assert.Equal(SyncOutcome.Interrupted, interrupted.Outcome);
        Assert.Equal((SyncTrigger.Resume, SyncOutcome.Completed), (resumed.Trigger, resumed.Outcome));
        Assert.Equal(0, server.Simulator.Counters.TooManyRequests);
        await DatabaseDump.AssertMatchesSimulatorAsync(restarted.Contexts, server);
        var fetchedTwice = server.Simulator.Counters.Releases.Values.Count(c => c.Served > 1);
        var inFlight = new SyncOptions().DetailRequestsInFlight;
        output.WriteLine($"Killed after {servedAtKill} of {distinct} releases; {fetchedTwice} fetched twice ({inFlight} requests in flight at most); 429s: {server.Simulator.Counters.TooManyRequests}");
        Assert.True(fetchedTwice <= inFlight, $"{fetchedTwice} releases fetched twice; at most {inFlight} requests were in flight");
        Assert.Equal("ok", await IntegrityCheckAsync(directory));
    }

    [Fact]
    public async Task SIGTERM_during_a_sync_stops_it_within_2_s_recorded_as_interrupted_and_the_next_start_resumes_it()
    {
        await using var server = await StartServerAsync();
        var directory = SyncHarness.NewDataDirectory();
        var signalled = DateTime.MinValue;
        var exited = TimeSpan.Zero;
        using (var child = StartChild(server, directory))
        {
            var distinct = server.Simulator.Collection.ReleaseIds.Count;
            exited = await KillWhenAsync(child, () => server.Simulator.Counters.Requests("release", 200) >= distinct / 3, kill: c =>
            {
                signalled = DateTime.UtcNow;
                using var term = Process.Start("kill", ["-TERM", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                term.WaitForExit();
            });
            Assert.Equal(0, child.ExitCode);
        }

        var fetched = server.Simulator.Counters.Requests("release", 200);
        await using var restarted = await SyncHarness.StartAsync(server, ownsServer: false, directory, Settings());
        var (stopped, resumed) = await ResumedRunAsync(restarted);

        output.WriteLine($"SIGTERM: run recorded as ended {(stopped.FinishedAt!.Value - signalled).TotalSeconds:0.00} s after the signal, process gone after {exited.TotalSeconds:0.00} s; {stopped.ReleasesFetched} of {fetched} fetched releases committed");
        Assert.Equal(SyncOutcome.Interrupted, stopped.Outcome);
        Assert.InRange(stopped.FinishedAt!.Value - signalled, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.True(exited < TimeSpan.FromSeconds(10), $"the process took {exited} to exit (systemd sends SIGKILL after 10 s)");
        // Everything that had arrived was committed: only the requests in flight at the signal are fetched again.
        Assert.InRange(server.Simulator.Counters.Releases.Values.Count(c => c.Served > 1), 0, new SyncOptions().DetailRequestsInFlight);
        Assert.Equal((SyncTrigger.Resume, SyncOutcome.Completed), (resumed.Trigger, resumed.Outcome));
        await DatabaseDump.AssertMatchesSimulatorAsync(restarted.Contexts, server);
        Assert.Equal(0, server.Simulator.Counters.TooManyRequests);
    }

    [Fact]
    public async Task With_Sync_ResumeInterrupted_false_a_run_stopped_with_the_app_waits_for_the_user()
    {
        await using var first = await SyncHarness.StartAsync(Items);
        var details = new TaskCompletionSource();
        using (first.Host.Services.GetRequiredService<SyncProgress>().Subscribe((status, _) =>
        {
            if (status.Phase == SyncPhase.Details)
            {
                details.TrySetResult();
            }
        }))
        {
            Assert.Equal(SyncStartResult.Started, first.Worker.TryStart(false));
            await details.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.Host.StopAsync(); // what SIGTERM does
        }

        await using var off = await SyncHarness.StartAsync(first.Server, ownsServer: false, first.DataDirectory, new Dictionary<string, string?> { ["Sync:ResumeInterrupted"] = "false" });
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(off.Worker.IsRunning);
        var run = Assert.Single(await off.Queries.GetSyncRunsAsync(10, CancellationToken.None));
        Assert.Equal(SyncOutcome.Interrupted, run.Outcome);
    }

    [Fact]
    public async Task A_Sync_ResumeInterrupted_that_is_not_true_or_false_stops_the_start_naming_the_key()
    {
        using var host = SyncHost.Build(SyncHarness.NewDataDirectory(), "http://127.0.0.1:9", "demo", "token", new Dictionary<string, string?> { ["Sync:ResumeInterrupted"] = "sometimes" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("Sync:ResumeInterrupted", error.Message, StringComparison.Ordinal);
    }

    private static Task<SimulatorServer> StartServerAsync() => SimulatorServer.StartAsync(options =>
    {
        options.CollectionSize = Items;
        options.RateLimit = SyncHost.Limit;
        options.RateLimitWindowSeconds = Window.TotalSeconds;
    });

    internal static Dictionary<string, string?> Settings() => new()
    {
        ["Discogs:RateLimitWindowSeconds"] = Window.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static Process StartChild(SimulatorServer server, string directory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [
            "exec", typeof(SyncChildProcess).Assembly.Location, SyncChildProcess.Verb, directory, server.BaseUrl, server.Username, server.Token,
            .. Settings().Select(s => $"{s.Key}={s.Value}")];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Signals the child (from a dedicated thread, so a busy thread pool cannot delay it) once <paramref name="due"/> holds; returns how long it took to exit after that.</summary>
    internal static async Task<TimeSpan> KillWhenAsync(Process child, Func<bool> due, Action<Process> kill)
    {
        var signalled = false;
        var clock = Stopwatch.StartNew();
        var watcher = new Thread(() =>
        {
            while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (due())
                {
                    kill(child);
                    signalled = true;
                    return;
                }

                Thread.Sleep(1);
            }
        });
        watcher.Start();
        watcher.Join();
        var at = clock.Elapsed;
        if (!signalled && !child.HasExited)
        {
            child.Kill();
        }

        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(signalled, $"the child never got there: {await child.StandardError.ReadToEndAsync()}");
        return clock.Elapsed - at;
    }

    /// <summary>Waits for the run a start-up resumed by itself to end; returns the interrupted run and the resumed one.</summary>
    internal static async Task<(SyncRunView Interrupted, SyncRunView Resumed)> ResumedRunAsync(SyncHarness harness)
    {
        IReadOnlyList<SyncRunView> runs = [];
        await Eventually.TrueAsync(
            async () =>
            {
                runs = await harness.Queries.GetSyncRunsAsync(10, CancellationToken.None);
                Assert.InRange(runs.Count, 1, 2);
                return runs is [{ Outcome: not SyncOutcome.Running }, _];
            },
            "the interrupted run to be resumed and finished", TimeSpan.FromSeconds(90));
        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (runs[1], runs[0]);
    }

    internal static async Task<string> IntegrityCheckAsync(string directory)
    {
        await using var connection = new SqliteConnection(VaultDatabase.ForFile(Path.Combine(directory, StorageOptions.DatabaseFileName)));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = (string)(await command.ExecuteScalarAsync())!;
        await connection.CloseAsync();
        SqliteConnection.ClearPool(connection);
        return result;
    }
}
