using System.Diagnostics.Metrics;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;
using VinylVault.Core.Sync;
using VinylVault.Core.Telemetry;
using VinylVault.Core.Wantlist;
using VinylVault.Tests.Collection;

namespace VinylVault.Tests.Ui;

/// <summary>The wantlist's queries and editor on a real migrated database, for components that show or add wants.</summary>
internal static class WantlistServices
{
    /// <summary>Registers them in <paramref name="ctx"/>; the database goes when the context is disposed.</summary>
    public static async Task<TestDatabase> AddWantlistAsync(this BunitContext ctx)
    {
        var db = await TestDatabase.StartAsync();
        ctx.Services.AddSingleton(_ => db);
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        // Constructed, never started: entries stay in the outbox, where a test can read them.
        var sender = new OutboxSender(db.Services, new NoAccount(), new VaultMetrics(meters), Options.Create(new OutboxOptions()),
            TimeProvider.System, NullLogger<OutboxSender>.Instance);
        var queries = new WantlistQueries(db.Contexts);
        ctx.Services.AddSingleton(sender);
        ctx.Services.AddSingleton(queries);
        ctx.Services.AddSingleton(new WantlistEditor(db.Contexts, queries, sender, TimeProvider.System));
        ctx.Services.AddSingleton(new SyncProgress(TimeProvider.System));
        return db;
    }

    private sealed class NoAccount : IDiscogsAccount
    {
        public Uri BaseAddress { get; } = new("https://api.discogs.test/");

        public string? Token => null;

        public string? Username => null;
    }
}
