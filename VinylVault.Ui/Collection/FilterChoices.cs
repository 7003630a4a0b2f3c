namespace VinylVault.Ui.Collection;

public sealed record FolderOption(int Id, string Name);

/// <summary>What the filter panel offers: the values that occur in the collection.</summary>
public sealed record FilterChoices(
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Styles,
    IReadOnlyList<string> Formats,
    IReadOnlyList<FolderOption> Folders,
    IReadOnlyList<int> Decades)
{
    public static FilterChoices Empty { get; } = new([], [], [], [], []);
}
