namespace VinylVault.Api.Simulator.Generation;

/// <summary>
/// Lays out the starting collection of a seed: which releases are owned (a few twice), when each copy was added,
/// in which folder, rated how, and with which condition notes. Also the wantlist.
/// </summary>
internal static class CollectionSeeder
{
    // Fixed, not "now": the same seed must give the same dates on every run.
    private static readonly DateTimeOffset FirstAdded = new(2012, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastAdded = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public const long FirstInstanceId = 100_000_000;

    /// <summary>Folder ids 2.. after "Uncategorized" (1); the fourth one stays empty, as real accounts have.</summary>
    public const int EmptyFolderId = 5;

    public static List<SimulatedFolder> Folders() =>
        [new(1, "Uncategorized"), .. Vocabulary.Folders.Select((name, i) => new SimulatedFolder(i + 2, name))];

    /// <summary>How many distinct releases a collection of <paramref name="size"/> copies holds.</summary>
    public static int DistinctReleases(int size) => size - Duplicates(size);

    public static List<SimulatedItem> Items(ReleaseCatalog catalog, int size)
    {
        var rng = SeededRandom.For(catalog.Seed, 0, salt: 13);
        var distinct = DistinctReleases(size);
        var order = Enumerable.Range(0, distinct).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var duplicateSlots = new HashSet<int>();
        while (duplicateSlots.Count < size - distinct)
        {
            duplicateSlots.Add(rng.Between(1, size - 1));
        }

        var span = (LastAdded - FirstAdded).TotalSeconds;
        var dates = Enumerable.Range(0, size).Select(_ => FirstAdded.AddSeconds(Math.Floor(rng.NextDouble() * span))).Order().ToArray();
        var items = new List<SimulatedItem>(size);
        var instanceId = FirstInstanceId;
        var next = 0;
        for (var k = 0; k < size; k++)
        {
            instanceId += rng.Between(1, 40);
            var copyOf = duplicateSlots.Contains(k) ? items[rng.Next(items.Count)].ReleaseIndex : -1;
            var index = copyOf >= 0 ? copyOf : order[next++];
            items.Add(NewItem(catalog, instanceId, index, dates[k], copyOf >= 0));
        }

        return items;
    }

    public static SimulatedItem NewItem(ReleaseCatalog catalog, long instanceId, int releaseIndex, DateTimeOffset added, bool secondCopy)
    {
        var rng = SeededRandom.For(catalog.Seed, instanceId, salt: 17);
        var folder = secondCopy && rng.Chance(0.6) ? 4 : rng.Chance(0.55) ? 1 : rng.Pick(new[] { 2, 3, 6, 7 });
        var rating = rng.Chance(0.5) ? 0 : rng.Pick(new[] { 1, 2, 3, 3, 4, 4, 4, 5, 5 });
        var notes = new List<SimulatedNote>();
        if (rng.Chance(0.65))
        {
            notes.Add(new SimulatedNote(SimulatedFields.MediaCondition, rng.Pick(Vocabulary.MediaConditions)));
            if (rng.Chance(0.85))
            {
                notes.Add(new SimulatedNote(SimulatedFields.SleeveCondition, rng.Pick(Vocabulary.SleeveConditions)));
            }
        }

        if (secondCopy || rng.Chance(0.15))
        {
            notes.Add(new SimulatedNote(SimulatedFields.Notes, secondCopy ? "Second copy." : rng.Pick(Vocabulary.ItemNotes)));
        }

        return new SimulatedItem(instanceId, catalog.IdOf(releaseIndex), folder, rating, PacificTime(added), notes) { ReleaseIndex = releaseIndex };
    }

    public static List<SimulatedWant> Wants(ReleaseCatalog catalog, int firstIndex, int count)
    {
        var rng = SeededRandom.For(catalog.Seed, 0, salt: 19);
        var span = (LastAdded - FirstAdded).TotalSeconds;
        // Every sixth want is a release already owned (another pressing wanted, a copy to upgrade), as real wantlists have.
        var owned = 0;
        var fresh = firstIndex;
        var indices = Enumerable.Range(0, count).Select(k => k % 6 == 5 && owned < firstIndex ? owned++ : fresh++).ToList();
        return [.. indices.Select(index => new SimulatedWant(
            catalog.IdOf(index),
            rng.Chance(0.6) ? 0 : rng.Between(1, 5),
            rng.Chance(0.7) ? "" : rng.Pick(Vocabulary.ItemNotes),
            PacificTime(FirstAdded.AddSeconds(Math.Floor(rng.NextDouble() * span)))) { ReleaseIndex = index })];
    }

    /// <summary>Discogs writes date_added in US Pacific time: -07:00 in summer, -08:00 in winter.</summary>
    public static DateTimeOffset PacificTime(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var offset = utc.Month is >= 4 and <= 10 ? TimeSpan.FromHours(-7) : TimeSpan.FromHours(-8);
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToOffset(offset);
    }

    // About one copy in 25 is a second copy of something already owned; a tiny collection still gets one.
    private static int Duplicates(int size) => size < 5 ? 0 : Math.Max(1, size / 25);
}
