using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Sync;
using VinylVault.Tests.Simulator;
using VinylVault.Tests.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Wantlist;

/// <summary>
/// A sync killed with SIGKILL in the middle of its wantlist pass (a real child process), and a process started at
/// once on the same data: the run resumes by itself and the wantlist ends as Discogs has it, no want lost or doubled.
/// The pass reads the list again from page 1 (it is ceil(N/100) requests); pages it already wrote cost no write.
/// </summary>
public sealed class WantlistKillTests(ITestOutputHelper output)
{
    private const int Wants = 450;
    private const int Pages = (Wants + 99) / 100;

    [Fact]
    public async Task A_sync_killed_in_the_middle_of_its_wantlist_resumes_by_itself_and_ends_with_Discogs_wantlist()
    {
        await using var server = await SimulatorServer.StartAsync(options =>
        {
            (options.CollectionSize, options.WantlistSize) = (20, Wants);
            (options.RateLimit, options.RateLimitWindowSeconds) = (SyncHost.Limit, SyncKillTests.Window.TotalSeconds);
        });
        // Each answer takes a moment, so the kill falls while the fourth page is on its way.
        server.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(250);
        var directory = SyncHarness.NewDataDirectory();
        using (var child = SyncKillTests.StartChild(server, directory))
        {
            await SyncKillTests.KillWhenAsync(child, () => server.Simulator.Counters.Requests("wants", 200) >= 3, kill: c => c.Kill());
        }

        server.Simulator.Faults.Latency = TimeSpan.Zero;
        var pagesAtKill = server.Simulator.Counters.Requests("wants", 200);
        var wantsAtKill = (await WantsAsync(directory)).Count;
        Assert.InRange(wantsAtKill, 200, Wants - 1);
        Assert.Equal("ok", await SyncKillTests.IntegrityCheckAsync(directory));

        // Started at once, and nobody asks it to sync.
        await using var restarted = await SyncHarness.StartAsync(server, ownsServer: false, directory, SyncKillTests.Settings());
        var (interrupted, resumed) = await SyncKillTests.ResumedRunAsync(restarted);

        Assert.Equal(SyncOutcome.Interrupted, interrupted.Outcome);
        Assert.Equal((SyncTrigger.Resume, SyncOutcome.Completed), (resumed.Trigger, resumed.Outcome));
        Assert.Equal(Expected(server), await WantsAsync(directory));
        await DatabaseDump.AssertMatchesSimulatorAsync(restarted.Contexts, server);
        Assert.Equal(0, server.Simulator.Counters.TooManyRequests);
        // The resumed run read the wantlist once more, from page 1: every page, and only its pages.
        var pagesAfter = server.Simulator.Counters.Requests("wants", 200);
        output.WriteLine($"Killed with {wantsAtKill} of {Wants} wants written ({pagesAtKill} of {Pages} pages served); the resumed run read {pagesAfter - pagesAtKill} pages; 429s: {server.Simulator.Counters.TooManyRequests}");
        Assert.Equal(Pages, pagesAfter - pagesAtKill);
        Assert.Equal("ok", await SyncKillTests.IntegrityCheckAsync(directory));
    }

    private static List<string> Expected(SimulatorServer server) =>
        [.. server.Simulator.Collection.Wants.Select(w => Line(w.ReleaseId, w.Rating, w.Notes, w.DateAdded.UtcDateTime)).Order(StringComparer.Ordinal)];

    /// <summary>Every stored want, one line each, read from the database file (no want can hide behind a REST page).</summary>
    private static async Task<List<string>> WantsAsync(string directory)
    {
        var options = new DbContextOptionsBuilder<VaultDbContext>()
            .UseSqlite(VaultDatabase.ForFile(Path.Combine(directory, StorageOptions.DatabaseFileName))).Options;
        await using var db = new VaultDbContext(options);
        var wants = await db.Wants.AsNoTracking().ToListAsync();
        return [.. wants.Select(w => Line(w.ReleaseId, w.Rating, w.Notes, w.DateAdded)).Order(StringComparer.Ordinal)];
    }

    private static string Line(long releaseId, int rating, string notes, DateTime added) =>
        string.Create(CultureInfo.InvariantCulture, $"{releaseId}|{rating}|{notes}|{added:O}");
}
