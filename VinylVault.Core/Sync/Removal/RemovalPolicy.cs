namespace VinylVault.Core.Sync.Removal;

/// <summary>When a complete pass (of the collection or of the wantlist) may prune on its own, and when the owner has to say so.</summary>
public static class RemovalPolicy
{
    /// <summary>The fewest copies a held removal ever concerns: removing a handful is everyday collecting.</summary>
    public const int MinimumHeld = 10;

    /// <summary>
    /// True when removing <paramref name="vanished"/> of <paramref name="local"/> copies must wait for the owner:
    /// more than <paramref name="maxPercent"/> of them and at least <see cref="MinimumHeld"/>, or any removal at all
    /// when the pass listed nothing (a private or renamed account, or a mistyped user name, not an emptied shelf).
    /// </summary>
    public static bool MustHold(int vanished, int local, int listed, int maxPercent) =>
        vanished > 0 && (listed == 0 || (vanished >= MinimumHeld && vanished * 100L > maxPercent * (long)local));
}
