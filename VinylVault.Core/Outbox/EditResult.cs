namespace VinylVault.Core.Outbox;

public enum EditStatus { Done, Invalid, NotFound, Conflict }

/// <summary>
/// How an edit went: done (with the new local state), refused for bad input (the errors name the request's
/// fields, as ProblemDetails shows them), no such thing, or not possible now (a message for people).
/// </summary>
public sealed record EditResult<T>(EditStatus Status, T? Value = default, IDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public static EditResult<T> Done(T value) => new(EditStatus.Done, value);

    public static EditResult<T> Invalid(string field, string message) => new(EditStatus.Invalid, Errors: new Dictionary<string, string[]> { [field] = [message] });

    public static EditResult<T> Invalid(IDictionary<string, string[]> errors) => new(EditStatus.Invalid, Errors: errors);

    public static EditResult<T> NotFound(string message) => new(EditStatus.NotFound, Message: message);

    public static EditResult<T> Conflict(string message) => new(EditStatus.Conflict, Message: message);
}

/// <summary>A change to one copy: any of rating, folder and custom fields (by name, as Discogs names them).</summary>
public sealed record CopyEdit(int? Rating = null, int? FolderId = null, IReadOnlyDictionary<string, string?>? Fields = null);

/// <summary>What the Search page knows of a release the collection does not have yet, so the new copy can be listed at once.</summary>
public sealed record ReleaseHint(string? Title, string? Artist, int? Year, string? Thumb);
