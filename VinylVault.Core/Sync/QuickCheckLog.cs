namespace VinylVault.Core.Sync;

/// <summary>The quick checks as the Sync page and /api/sync/history show them: one summary, not a run each.</summary>
/// <param name="IntervalSeconds">Sync:QuickCheckSeconds; 0 when quick checks are off.</param>
/// <param name="LastAt">When the last check ended (UTC).</param>
/// <param name="LastChanged">Whether it found a change (and so started a sync).</param>
/// <param name="LastRequests">The Discogs requests it made.</param>
/// <param name="CountToday">Checks since local midnight; with <paramref name="RequestsToday"/> and <paramref name="ChangesToday"/>.</param>
public sealed record QuickCheckSummary(
    double IntervalSeconds,
    DateTimeOffset? LastAt,
    bool? LastChanged,
    int? LastRequests,
    int CountToday,
    int RequestsToday,
    int ChangesToday);

/// <summary>
/// Counts the quick checks of the day in memory: a check every 15 minutes would bury the run history, so checks are
/// summed here rather than recorded one by one. A restart starts the day's count again.
/// </summary>
public sealed class QuickCheckLog(TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _count, _requests, _changes;
    private (DateTimeOffset At, bool Changed, int Requests)? _last;

    /// <summary>A check was recorded (handlers must not block: a page calls InvokeAsync(StateHasChanged)).</summary>
    public event Action? Recorded;

    public void Record(int requests, bool changed)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            RollOver();
            _count++;
            _requests += requests;
            _changes += changed ? 1 : 0;
            _last = (now, changed, requests);
        }

        Recorded?.Invoke();
    }

    public QuickCheckSummary Summary(double intervalSeconds)
    {
        lock (_gate)
        {
            RollOver();
            return new QuickCheckSummary(intervalSeconds, _last?.At, _last?.Changed, _last?.Requests, _count, _requests, _changes);
        }
    }

    // "Today" is the owner's day: local midnight on the Pi's clock.
    private void RollOver()
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (today != _day)
        {
            (_day, _count, _requests, _changes) = (today, 0, 0, 0);
        }
    }
}
