using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Covers;
using VinylVault.Tests.Simulator;
using VinylVault.Tests.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Covers;

/// <summary>A process killed (SIGKILL) while covers download leaves no partial file; the next start carries on.</summary>
public sealed class CoverKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_kill_during_downloads_leaves_no_partial_file_and_the_next_start_continues()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit, o.RateLimitWindowSeconds) = (80, 1000, 1));
        server.Simulator.Images.Latency = TimeSpan.FromMilliseconds(40);
        var wanted = 2 * CoverVault.ReleasesToCache(server).Count;
        var directory = SyncHarness.NewDataDirectory();
        string[] settings =
        [
            $"{SyncHost.CoversSwitch}=on",
            $"Images:AllowedOrigins:0={new Uri(server.BaseUrl).GetLeftPart(UriPartial.Authority)}",
            "Images:MaxRequestsPerMinute=60",
            "Images:RateLimitWindowSeconds=1",
            "Discogs:MaxRequestsPerMinute=1000",
            "Discogs:RateLimitWindowSeconds=1",
        ];

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(SyncChildProcess).Assembly.Location, SyncChildProcess.Verb, directory, server.BaseUrl, server.Username, server.Token }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        using (var child = Process.Start(start)!)
        {
            var clock = Stopwatch.StartNew();
            while (server.Simulator.Images.Served < wanted / 2 && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(5);
            }

            child.Kill(); // SIGKILL: no finally blocks, no flush, no shutdown
            await child.WaitForExitAsync();
        }

        var servedAtKill = server.Simulator.Images.Served;
        output.WriteLine($"killed after {servedAtKill} of {wanted} covers");
        Assert.InRange(servedAtKill, wanted / 2, wanted - 1);
        var covers = Path.Combine(directory, "covers");
        // Under final names only whole images: whatever was cut short is in .partial.
        Assert.All(Directory.EnumerateFiles(covers), f => Assert.NotNull(ImageSniffer.ContentType(File.ReadAllBytes(f))));

        using var restarted = SyncHost.Build(directory, server.BaseUrl, server.Username, server.Token,
            settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]));
        await restarted.StartAsync();
        var lane = restarted.Services.GetRequiredService<CoverLane>();
        var clock2 = Stopwatch.StartNew();
        CoverStats stats;
        while ((stats = await lane.StatsAsync(CancellationToken.None)) is not { Missing: 0, Queued: 0, Failed: 0 } && clock2.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(100);
        }

        await restarted.StopAsync();
        Assert.Equal(wanted, stats.Cached);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(covers, ".partial")));
        Assert.Equal(wanted, Directory.EnumerateFiles(covers).Count());
        // Only what was in flight at the kill was fetched twice.
        Assert.InRange(server.Simulator.Images.Served, wanted, wanted + 3);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{server.Simulator.Images.Served} images served for {wanted} covers"));
    }
}
