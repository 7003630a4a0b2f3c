namespace VinylVault.Api.Simulator;

/// <summary>A custom-field value of a collection item (Media Condition, Sleeve Condition, Notes).</summary>
public sealed record SimulatedNote(int FieldId, string Value);

/// <summary>
/// One copy in the simulated collection, keyed by <see cref="InstanceId"/>: the same release can be owned twice.
/// This is the state a sync must reproduce.
/// </summary>
public sealed record SimulatedItem(
    long InstanceId, long ReleaseId, int FolderId, int Rating, DateTimeOffset DateAdded, IReadOnlyList<SimulatedNote> Notes)
{
    internal int ReleaseIndex { get; init; }
}

public sealed record SimulatedFolder(int Id, string Name);

public sealed record SimulatedWant(long ReleaseId, int Rating, string Notes, DateTimeOffset DateAdded)
{
    internal int ReleaseIndex { get; init; }
}

/// <summary>The custom fields of the simulated account, as GET /users/{u}/collection/fields lists them.</summary>
public static class SimulatedFields
{
    public const int MediaCondition = 1;
    public const int SleeveCondition = 2;
    public const int Notes = 3;
}
