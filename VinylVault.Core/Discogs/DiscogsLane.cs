namespace VinylVault.Core.Discogs;

/// <summary>
/// Which queue of the one rate limiter a request waits in. Requests a person is waiting for (a release opened, a
/// search, an account check, an edit being delivered) go in the interactive lane, which the limiter serves before
/// the sync's queue: a priority within the one budget, never a second budget.
/// </summary>
/// <remarks>
/// The one way to mark requests interactive is an ambient scope around the calls, so that IDiscogsApi keeps one
/// signature for both lanes and a retry of an interactive request stays interactive:
/// <code>using (DiscogsLane.Interactive()) { await api.GetReleaseAsync(id, null, ct); }</code>
/// Everything else (the sync, the quick check) is in the sync lane.
/// </remarks>
public static class DiscogsLane
{
    private static readonly AsyncLocal<bool> Current = new();

    /// <summary>Whether the calls made here wait in the interactive lane.</summary>
    public static bool IsInteractive => Current.Value;

    /// <summary>Marks every Discogs call made inside the scope (in this async flow) as interactive until it is disposed.</summary>
    public static IDisposable Interactive()
    {
        var outer = Current.Value;
        Current.Value = true;
        return new Scope(outer);
    }

    private sealed class Scope(bool outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
