using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Sync;

/// <summary>How a run ended. <see cref="Interrupted"/>: the app stopped mid-run (on SIGTERM, or found at the next start-up after a kill).</summary>
public enum SyncOutcome { Running, Completed, Cancelled, Failed, Interrupted }

/// <summary>
/// Who asked for a run: a person, the Sync:AutoSyncHours schedule, the app at start-up finishing a run that was
/// interrupted (<see cref="Resume"/>), or a quick check that saw the collection change.
/// </summary>
public enum SyncTrigger { Manual, Schedule, Resume, QuickCheck }

/// <summary>The record of one sync run: the history the dashboard lists and the schedule counts from.</summary>
public sealed class SyncRun
{
    public int Id { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public SyncOutcome Outcome { get; set; }
    public SyncTrigger Trigger { get; set; }
    public bool ForceFull { get; set; }
    /// <summary>Collection items Discogs listed.</summary>
    public int TotalItems { get; set; }
    public int PagesRead { get; set; }
    public int ItemsAdded { get; set; }
    public int ItemsUpdated { get; set; }
    public int ItemsRemoved { get; set; }
    /// <summary>Releases deleted because no copy of them is owned any more.</summary>
    public int ReleasesRemoved { get; set; }
    public int ReleasesFetched { get; set; }
    /// <summary>Releases Discogs answered 404 for: recorded and skipped.</summary>
    public int ReleasesNotFound { get; set; }
    public int RequestsMade { get; set; }
    public int ErrorCount { get; set; }
    /// <summary>What went wrong, one line each (capped), safe to show: never holds the token.</summary>
    public List<string> Errors { get; set; } = [];
    /// <summary>A sentence for people: why the run failed or stopped.</summary>
    public string? Message { get; set; }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.ToTable("SyncRuns");
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => r.StartedAt);
        builder.HasIndex(r => new { r.Outcome, r.FinishedAt });
    }
}
