using System.Diagnostics;

namespace VinylVault.Tests.Backups;

internal static class Until
{
    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; fails naming <paramref name="what"/> after a generous limit.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"Timed out waiting until {what}");
            await Task.Delay(20);
        }
    }
}
