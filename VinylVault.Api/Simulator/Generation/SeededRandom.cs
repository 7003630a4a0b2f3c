namespace VinylVault.Api.Simulator.Generation;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and platform
/// (System.Random's seeded sequence is not promised across .NET versions), so "same seed, same collection" holds.
/// </summary>
internal struct SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one numbered thing (a release, an instance) under a collection seed.</summary>
    public static SeededRandom For(int seed, long index, ulong salt = 0) =>
        new(Mix((ulong)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)index + salt * 0xD1B54A32D192ED03UL)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>0 &lt;= n &lt; max.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextUInt64() % (ulong)max);

    /// <summary>min &lt;= n &lt;= max.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Distinct picks, in the order drawn.</summary>
    public List<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var picked = new List<T>(count);
        for (var guard = 0; picked.Count < Math.Min(count, items.Count) && guard < count * 20; guard++)
        {
            var item = Pick(items);
            if (!picked.Contains(item))
            {
                picked.Add(item);
            }
        }

        return picked;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
