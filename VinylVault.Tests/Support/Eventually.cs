using System.Diagnostics;

namespace VinylVault.Tests.Support;

/// <summary>The one way a test waits for something to happen: poll a condition, fail naming it when patience runs out.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Polls an in-memory <paramref name="condition"/> every millisecond.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? patience = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, patience, TimeSpan.FromMilliseconds(1));

    /// <summary>Polls a <paramref name="condition"/> that asks something (a query, an HTTP call) every <paramref name="every"/> (50 ms).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null, TimeSpan? every = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > (patience ?? Patience))
            {
                throw new TimeoutException($"Waited in vain for {what}.");
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }
}
