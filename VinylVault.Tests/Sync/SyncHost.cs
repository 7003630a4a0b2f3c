using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Covers;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;
using VinylVault.Core.Sync;

namespace VinylVault.Tests.Sync;

/// <summary>
/// The real sync stack (AddStorage, AddDiscogs, AddSync, as Program.cs calls them) in a generic host, pointed at a
/// simulator with time-scaled limits (and the outbox, idle unless edits wait): client and simulator both allow <see cref="Limit"/> requests per
/// <see cref="Window"/>. Shared by the in-process harness and the child process the kill test SIGKILLs.
/// </summary>
public static class SyncHost
{
    public const int Limit = 60;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(0.25);
    public const string CoversSwitch = "Test:Covers";

    public static IHost Build(
        string dataDirectory, string baseUrl, string username, string token, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Discogs:BaseUrl"] = baseUrl,
            ["Discogs:Username"] = username,
            ["Discogs:Token"] = token,
            ["Discogs:MaxRequestsPerMinute"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["Discogs:RateLimitWindowSeconds"] = Window.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["Discogs:TimeoutSeconds"] = "5",
            ["Discogs:MaxRetries"] = "3",
            ["Sync:AutoSyncHours"] = "0",
            ["Outbox:MaxBackoffSeconds"] = "1",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddStorage();
        builder.AddDiscogs();
        builder.AddSync();
        builder.AddOutbox();
        // An interrupted run resumes at once, not a few seconds after start-up.
        builder.Services.PostConfigure<SyncOptions>(options => options.ResumeDelay = TimeSpan.Zero);
        // The cover lane's kill test runs it in the child too.
        if (builder.Configuration[CoversSwitch] == "on")
        {
            builder.AddCovers();
        }

        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
