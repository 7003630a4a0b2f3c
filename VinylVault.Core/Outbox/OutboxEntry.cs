using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Outbox;

/// <summary>What a change does on Discogs; stored as its snake_case name.</summary>
public enum OutboxKind { Rating, Move, Field, Add, Remove, CreateFolder, RenameFolder, DeleteFolder, WantAdd, WantEdit, WantRemove }

public enum OutboxState { Pending, Sending, Failed, Sent }

/// <summary>
/// One local change waiting to reach Discogs, written in the same transaction as the change itself. Ids that
/// Discogs has not given yet are negative (a copy added or a folder created offline) and are rewritten here when its
/// answer comes. <see cref="Previous"/> is what a discard puts back.
/// </summary>
public sealed class OutboxEntry
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }
    public OutboxState State { get; set; }
    /// <summary>The copy (instance id) a copy change is about; negative while its add is not answered.</summary>
    public long? InstanceId { get; set; }
    public long? ReleaseId { get; set; }
    /// <summary>The copy's folder when the change was made (Discogs' path names it), or the folder a folder change is about.</summary>
    public int? FolderId { get; set; }
    /// <summary>Where a move or an add puts the copy.</summary>
    public int? ToFolderId { get; set; }
    public int? FieldId { get; set; }
    /// <summary>The new value: a rating, a field value, a folder name, a want's notes and rating (JSON).</summary>
    public string? Value { get; set; }
    /// <summary>The local state before the change (a value, or JSON for a removed copy), for a discard.</summary>
    public string? Previous { get; set; }
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Discogs' reason for the last failure, in words for people.</summary>
    public string? Error { get; set; }
    /// <summary>UTC; when Discogs accepted it.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>What the change is about, as GET /api/outbox shows it ("instance:123", "folder:4", "want:5678").</summary>
    public string Target => IsWant(Kind) ? $"want:{ReleaseId}" : InstanceId is { } instance ? $"instance:{instance}" : $"folder:{FolderId}";

    public static bool IsWant(OutboxKind kind) => kind is OutboxKind.WantAdd or OutboxKind.WantEdit or OutboxKind.WantRemove;
}

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> builder)
    {
        builder.ToTable("OutboxEntries");
        builder.Ignore(e => e.Target);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.State, e.Id });
        builder.HasIndex(e => e.InstanceId);
    }
}
