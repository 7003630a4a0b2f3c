using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Outbox;
using VinylVault.Tests.Sync;

namespace VinylVault.Tests.Outbox;

/// <summary>With "outbox-child", the test assembly's entry point runs the outbox sender in its own process until nothing waits, so a test can SIGKILL it mid-delivery.</summary>
public static class OutboxChildProcess
{
    public const string Verb = "outbox-child";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [Verb, var dataDirectory, var baseUrl, var username, var token])
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} <data directory> <base url> <username> <token>");
            return 2;
        }

        using var host = SyncHost.Build(dataDirectory, baseUrl, username, token);
        await host.StartAsync();
        await DrainedAsync(host, TimeSpan.FromMinutes(2));
        await host.StopAsync();
        return 0;
    }

    /// <summary>Waits until no entry of the host's outbox waits.</summary>
    public static async Task DrainedAsync(IHost host, TimeSpan patience)
    {
        var editor = host.Services.GetRequiredService<CollectionEditor>();
        var watch = Stopwatch.StartNew();
        while ((await editor.GetOutboxAsync(default)).Items.Any(e => e.State != OutboxState.Sent))
        {
            if (watch.Elapsed > patience)
            {
                throw new TimeoutException("The outbox did not drain.");
            }

            await Task.Delay(50);
        }
    }

}
