using VinylVault.Core.Collection;
using VinylVault.Core.Outbox;

namespace VinylVault.Ui.Editing;

/// <summary>What an owner can choose when editing a copy: the folders, and the custom fields with a dropdown's options.</summary>
public sealed record EditChoices(IReadOnlyList<FolderView> Folders, IReadOnlyList<CustomField> Fields)
{
    public const string MediaCondition = "Media Condition";
    public const string SleeveCondition = "Sleeve Condition";
    public const string Notes = "Notes";

    /// <summary>Folders a copy can be in: not 0 ("All").</summary>
    public IEnumerable<FolderView> Placeable => Folders.Where(f => f.Id != 0);

    public CustomField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An edit of one copy, as a copy editor asks for it.</summary>
public sealed record CopyChange(long InstanceId, CopyEdit Edit);
