using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace VinylVault.Tests.Discogs.Support;

/// <summary>A FakeTimeProvider that remembers the timers created on it, so a test can wait for a wait to begin.</summary>
internal sealed class TestTime : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();
    private int _taken;

    public static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (in real time) until a timer due in exactly <paramref name="due"/> was created.</summary>
    public Task WaitForTimerAsync(TimeSpan due) => Eventually.TrueAsync(() => _timers.Contains(due), $"a timer due in {due}");

    /// <summary>Waits (in real time) for the next timer created with a due time that <paramref name="matches"/>; returns that due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> matches)
    {
        TimeSpan found = default;
        await Eventually.TrueAsync(
            () =>
            {
                var candidates = _timers.Where(matches).ToArray();
                if (candidates.Length <= _taken)
                {
                    return false;
                }

                found = candidates[_taken];
                return true;
            },
            "a matching timer");
        _taken++;
        return found;
    }

    /// <summary>Advances fake time by <paramref name="step"/> until <paramref name="task"/> completes: no real sleeping.</summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan step)
    {
        var watch = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (watch.Elapsed > Eventually.Patience)
            {
                throw new TimeoutException($"Still running at fake {GetUtcNow():HH:mm:ss.fff}.");
            }

            await Task.WhenAny(task, Task.Delay(1));
            if (!task.IsCompleted)
            {
                Advance(step);
            }
        }

        return await task;
    }
}

internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException($"Waited in vain for {what}.");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>The same for a condition that reads through I/O (the database, the API), polled every 50 ms.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException($"Waited in vain for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
