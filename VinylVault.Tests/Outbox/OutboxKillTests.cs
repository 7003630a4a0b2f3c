using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Outbox;
using VinylVault.Core.Sync;
using VinylVault.Tests.Simulator;
using VinylVault.Tests.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Outbox;

/// <summary>The outbox survives SIGKILL in the middle of delivering: after a restart every entry reaches Discogs, and no copy is added twice.</summary>
public sealed class OutboxKillTests(ITestOutputHelper output)
{
    private static readonly string[] Writes = ["add", "edit_instance", "remove_instance", "set_field"];

    [Fact]
    public async Task Killed_with_ten_entries_waiting_it_delivers_all_after_a_restart_and_none_twice()
    {
        await using var server = await SimulatorServer.StartAsync(options =>
        {
            options.CollectionSize = 40;
            options.RateLimit = SyncHost.Limit;
            options.RateLimitWindowSeconds = SyncHost.Window.TotalSeconds;
        });
        var directory = SyncHarness.NewDataDirectory();
        var items = server.Simulator.Collection.Items;
        var addedTo = new[] { items[10].ReleaseId, server.Simulator.CatalogReleaseIds.First(id => items.All(i => i.ReleaseId != id)) };
        var copiesBefore = addedTo.ToDictionary(id => id, id => server.Simulator.Collection.CopiesOf(id).Count);

        using (var host = SyncHost.Build(directory, server.BaseUrl, server.Username, server.Token))
        {
            await host.StartAsync();
            var worker = host.Services.GetRequiredService<SyncWorker>();
            Assert.Equal(SyncStartResult.Started, worker.TryStart(false));
            await worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
            server.Simulator.Faults.Unreachable = true;
            var editor = host.Services.GetRequiredService<CollectionEditor>();
            for (var i = 0; i < 4; i++)
            {
                Done(await editor.UpdateAsync(items[i].InstanceId, new CopyEdit(Rating: (items[i].Rating + 1) % 6), default));
            }

            Done(await editor.UpdateAsync(items[4].InstanceId, new CopyEdit(Fields: new Dictionary<string, string?> { ["Notes"] = "first pressing" }), default));
            Done(await editor.UpdateAsync(items[5].InstanceId, new CopyEdit(Fields: new Dictionary<string, string?> { ["Notes"] = "gatefold" }), default));
            Done(await editor.AddAsync(addedTo[0], 1, null, default));
            Done(await editor.AddAsync(addedTo[1], 1, null, default));
            Done(await editor.UpdateAsync(items[6].InstanceId, new CopyEdit(FolderId: items[6].FolderId == 1 ? 2 : 1), default));
            Done(await editor.RemoveAsync(items[7].InstanceId, default));
            Assert.Equal(10, (await editor.GetOutboxAsync(default)).Items.Count);
            await host.StopAsync();
        }

        server.Simulator.Faults.Unreachable = false;
        server.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(150);
        var writesAtKill = await RunAndKillAsync(server, directory, killAfterWrites: 5);
        server.Simulator.Faults.Latency = TimeSpan.Zero;

        using (var restarted = SyncHost.Build(directory, server.BaseUrl, server.Username, server.Token))
        {
            await restarted.StartAsync();
            await OutboxChildProcess.DrainedAsync(restarted, TimeSpan.FromSeconds(60));
            var contexts = restarted.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();
            Assert.Equal(CollectionState.Of(server.Simulator), await CollectionState.LocalAsync(contexts));
            await restarted.StopAsync();
        }

        foreach (var (release, before) in copiesBefore)
        {
            Assert.Equal(before + 1, server.Simulator.Collection.CopiesOf(release).Count);
        }

        var writes = Writes.Sum(w => server.Simulator.Counters.Requests(w, 201) + server.Simulator.Counters.Requests(w, 204));
        output.WriteLine($"Killed after {writesAtKill} writes; {writes} writes in all for 10 entries");
        // Only an idempotent write in flight at the kill may be said twice; an add in flight is looked up instead.
        Assert.InRange(writes, 10, 11);
        Assert.Equal(2, server.Simulator.Counters.Requests("add", 201));
        Assert.InRange(server.Simulator.Counters.TooManyRequests, 0, 1);
    }

    private static void Done<T>(EditResult<T> result) => Assert.Equal(EditStatus.Done, result.Status);

    private static async Task<int> RunAndKillAsync(SimulatorServer server, string directory, int killAfterWrites)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(SyncChildProcess).Assembly.Location, OutboxChildProcess.Verb, directory, server.BaseUrl, server.Username, server.Token })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        int Answered() => Writes.Sum(w => server.Simulator.Counters.Requests(w));
        // A dedicated thread watches and kills: a busy thread pool must not delay the kill.
        var watcher = new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (Answered() >= killAfterWrites)
                {
                    child.Kill(); // SIGKILL: no finally blocks, no flush, no shutdown
                    return;
                }

                Thread.Sleep(1);
            }
        });
        watcher.Start();
        watcher.Join();
        await child.WaitForExitAsync();
        var answered = Answered();
        Assert.True(answered >= killAfterWrites && answered < 10, $"the child was not killed mid-delivery ({answered} writes): {await child.StandardError.ReadToEndAsync()}");
        return answered;
    }
}
