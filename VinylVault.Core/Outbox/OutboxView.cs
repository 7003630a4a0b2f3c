namespace VinylVault.Core.Outbox;

/// <summary>One entry as GET /api/outbox and the Sync page show it.</summary>
public sealed record OutboxEntryView(long Id, OutboxKind Kind, string Target, DateTime CreatedAt, int Attempts, OutboxState State, string? Error,
    long? ReleaseId, string? Value)
{
    public static OutboxEntryView Of(OutboxEntry e) => new(e.Id, e.Kind, e.Target, e.CreatedAt, e.Attempts, e.State, e.Error, e.ReleaseId, e.Value);
}

public sealed record OutboxList(IReadOnlyList<OutboxEntryView> Items);
