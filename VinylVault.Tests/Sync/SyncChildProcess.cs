using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Sync;
using VinylVault.Tests.Outbox;

namespace VinylVault.Tests.Sync;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is switched off in the project file): with
/// "sync-child" it runs the real sync stack in its own process, so the kill test can SIGKILL a sync in the middle
/// and the stop test can SIGTERM one. Settings follow as key=value. Under the test runner it is never called.
/// </summary>
public static class SyncChildProcess
{
    public const string Verb = "sync-child";

    public static async Task<int> Main(string[] args)
    {
        if (args is [OutboxChildProcess.Verb, ..])
        {
            return await OutboxChildProcess.RunAsync(args);
        }

        if (args is [Backups.BackupKillTests.Verb, ..])
        {
            return await Backups.BackupKillTests.RunChildAsync(args);
        }

        if (args is not [Verb, var dataDirectory, var baseUrl, var username, var token, .. var rest])
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} <data directory> <base url> <username> <token> [key=value...]");
            return 2;
        }

        var settings = rest.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
        using var host = SyncHost.Build(dataDirectory, baseUrl, username, token, settings);
        await host.StartAsync();
        var worker = host.Services.GetRequiredService<SyncWorker>();
        if (worker.TryStart(false) != SyncStartResult.Started)
        {
            return 1;
        }

        await Console.Out.WriteLineAsync("started");
        // SIGTERM (the host's console lifetime) asks the app to stop: stopping the host stops the run, as systemd's would.
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        // With the cover lane (the covers kill test), the process lives on after the sync until it is killed.
        var done = host.Services.GetService<VinylVault.Core.Covers.CoverLane>() is null ? worker.WhenIdleAsync() : Task.Delay(Timeout.Infinite, stopping);
        await Task.WhenAny(done, Task.Delay(Timeout.Infinite, stopping));
        await host.StopAsync();
        return 0;
    }
}
