using VinylVault.Core.Collection;

namespace VinylVault.Core.Outbox;

/// <summary>Discogs' rules for an edit, checked before anything is stored, so a refusal is an answer now, not a failed entry later.</summary>
public static class EditRules
{
    public const int MaxRating = 5;
    /// <summary>
    /// The longest text field value (Notes) VinylVault sends. Discogs documents no limit for collection custom fields;
    /// 255 is an assumption (the simulator enforces the same), refused here so a note is never cut or refused later.
    /// </summary>
    public const int MaxFieldLength = 255;
    public const int MaxFolderNameLength = 255;
    /// <summary>Folder 0 is "All" and 1 "Uncategorized": Discogs refuses to rename or delete them.</summary>
    public const int FirstOwnFolder = 2;

    public static string? Rating(int rating) =>
        rating is < 0 or > MaxRating ? $"A rating is 0 (none) to {MaxRating}; {rating} is not." : null;

    public static string? FieldValue(CustomField field, string value) =>
        field.Options.Count > 0 && !field.Options.Contains(value, StringComparer.Ordinal)
            ? $"'{value}' is not one of the options of '{field.Name}': {string.Join(", ", field.Options)}."
            : value.Length > MaxFieldLength ? $"'{field.Name}' takes at most {MaxFieldLength} characters; this is {value.Length}."
            : null;

    public static string? FolderName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A folder needs a name."
            : name.Trim().Length > MaxFolderNameLength ? $"A folder name takes at most {MaxFolderNameLength} characters." : null;
}
