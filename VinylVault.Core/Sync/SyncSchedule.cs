namespace VinylVault.Core.Sync;

/// <summary>
/// When the next scheduled (incremental) sync is due: Sync:AutoSyncHours after the last completed run. Never at
/// start-up: with no completed run there is no schedule (the first sync is the user's), and a run that fell due
/// while the app was down, or one that just failed, waits at least an hour (or the interval, if shorter) after the
/// start or the last attempt, so a crash loop cannot turn into a request storm. Attempts that keep failing (Discogs
/// down for hours) back off: each waits twice as long as the one before, up to the interval.
/// </summary>
public sealed class SyncSchedule(DateTime appStarted)
{
    public static readonly TimeSpan MinimumWait = TimeSpan.FromHours(1);

    private DateTime? _lastAttempt;

    /// <summary>How long until a scheduled sync is due, from the run history; infinite when none will be.</summary>
    public TimeSpan WaitFrom(TimeSpan? interval, DateTime? lastCompleted, DateTime? lastFinished, DateTime now, int failedSince = 1)
    {
        // A scheduled start that could not happen (no token) counts as an attempt, so it is not retried at once.
        var attempted = lastFinished is null || _lastAttempt > lastFinished ? _lastAttempt ?? lastFinished : lastFinished;
        return NextDue(interval, lastCompleted, attempted, appStarted, failedSince) is { } due ? due - now : Timeout.InfiniteTimeSpan;
    }

    /// <summary>A scheduled start was tried now (whether or not it could start).</summary>
    public void Attempted(DateTime now) => _lastAttempt = now;

    public static DateTime? NextDue(TimeSpan? interval, DateTime? lastCompleted, DateTime? lastFinished, DateTime appStarted, int failedSince = 1)
    {
        if (interval is not { } every || lastCompleted is not { } completed)
        {
            return null;
        }

        var wait = every < MinimumWait ? every : MinimumWait;
        var due = completed + every;
        due = Max(due, appStarted + wait);
        if (lastFinished is { } finished && finished > completed)
        {
            var backoff = wait * Math.Pow(2, Math.Clamp(failedSince - 1, 0, 16));
            due = Max(due, finished + (backoff < every ? backoff : Max(every, wait)));
        }

        return due;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
