using System.ComponentModel.DataAnnotations;

namespace VinylVault.Core.Sync;

/// <summary>The "Sync" configuration section (docs/design.md). Defaults here, overridden by configuration.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Releases written per transaction by the detail writer (it also writes at least once a second).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Errors after which a run stops as failed. A release Discogs answers 404 for is skipped, not counted.</summary>
    [Range(1, 100_000)]
    public int MaxErrors { get; set; } = 10;

    /// <summary>An incremental sync this many hours after the last completed one; 0 turns the schedule off.</summary>
    [Range(0, 8760)]
    public double AutoSyncHours { get; set; } = 24;

    /// <summary>Detail requests in flight at once: enough to keep the rate limiter busy, few enough to stay polite.</summary>
    [Range(1, 16)]
    public int DetailRequestsInFlight { get; set; } = 4;

    /// <summary>
    /// A complete pass that would remove more than this share of the local copies, or of the wants (and at least 10), holds the
    /// removal until the owner confirms it; 100 never holds (but a pass that lists nothing always does).
    /// </summary>
    [Range(0, 100)]
    public int MaxRemovalPercent { get; set; } = 20;

    /// <summary>A run that did not end (a kill, a crash, a power cut, a stop of the app) resumes a few seconds after start-up.</summary>
    public bool ResumeInterrupted { get; set; } = true;

    /// <summary>How long after the app is ready an interrupted run resumes. Not bound from configuration; tests shorten it.</summary>
    internal TimeSpan ResumeDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often to ask Discogs, in at most 2 requests, whether the collection changed (a change starts an
    /// incremental sync); 0 turns quick checks off.
    /// </summary>
    [Range(0, 604_800)]
    public double QuickCheckSeconds { get; set; } = 900;

    public TimeSpan? AutoSyncInterval => AutoSyncHours > 0 ? TimeSpan.FromHours(AutoSyncHours) : null;

    public TimeSpan? QuickCheckInterval => QuickCheckSeconds > 0 ? TimeSpan.FromSeconds(QuickCheckSeconds) : null;
}
