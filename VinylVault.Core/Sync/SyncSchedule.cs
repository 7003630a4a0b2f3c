namespace VinylVault.Core.Sync;

/// <summary>
/// When the next scheduled (incremental) sync is due: Sync:AutoSyncHours after the last completed run. Never at
/// start-up: with no completed run there is no schedule (the first sync is the user's), and a run that fell due
/// while the app was down, or one that just failed, waits at least an hour (or the interval, if shorter) after the
/// start or the last attempt, so a crash loop cannot turn into a request storm. Attempts that keep failing (Discogs
/// down for hours) back off: each waits twice as long as the one before, up to the interval.
/// </summary>
public static class SyncSchedule
{
    public static readonly TimeSpan MinimumWait = TimeSpan.FromHours(1);

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
