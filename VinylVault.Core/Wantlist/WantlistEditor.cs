using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;

namespace VinylVault.Core.Wantlist;

/// <summary>
/// Local-first wantlist edits: each is one transaction that changes the Wants table and records the outbox entry
/// (PUT for a new want, POST for an edit, DELETE for a removal), then wakes the sender. Works offline.
/// </summary>
public sealed class WantlistEditor(IDbContextFactory<VaultDbContext> contexts, WantlistQueries queries, OutboxSender sender, TimeProvider time)
{
    /// <summary>The longest notes VinylVault sends (the same figure as a collection text field).</summary>
    public const int MaxNotesLength = EditRules.MaxFieldLength;

    /// <summary>Wants <paramref name="releaseId"/> with these notes and rating, or changes them; null keeps what the want has.</summary>
    public async Task<EditResult<WantView>> PutAsync(long releaseId, string? notes, int? rating, ReleaseHint? hint, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (releaseId <= 0)
        {
            errors["release_id"] = ["A release id is a positive number."];
        }

        if (rating is { } stars && EditRules.Rating(stars) is { } ratingError)
        {
            errors["rating"] = [ratingError];
        }

        if (notes is { Length: > MaxNotesLength })
        {
            errors["notes"] = [$"Notes take at most {MaxNotesLength} characters; these are {notes.Length}."];
        }

        if (errors.Count > 0)
        {
            return EditResult<WantView>.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var want = await db.Wants.SingleOrDefaultAsync(w => w.ReleaseId == releaseId, cancellationToken);
        var previous = want is null ? null : JsonSerializer.Serialize(want);
        if (want is null)
        {
            want = await NewWantAsync(db, releaseId, hint, now, cancellationToken);
            db.Wants.Add(want);
        }
        else if ((notes ?? want.Notes) == want.Notes && (rating ?? want.Rating) == want.Rating)
        {
            return EditResult<WantView>.Done((await queries.GetAsync(releaseId, cancellationToken))!);
        }

        (want.Notes, want.Rating) = (notes ?? want.Notes, rating ?? want.Rating);
        db.Outbox.Add(new OutboxEntry
        {
            Kind = previous is null ? OutboxKind.WantAdd : OutboxKind.WantEdit,
            State = OutboxState.Pending,
            ReleaseId = releaseId,
            Value = JsonSerializer.Serialize(new WantChange(want.Notes, want.Rating), DiscogsJson.Options),
            Previous = previous,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return EditResult<WantView>.Done((await queries.GetAsync(releaseId, cancellationToken))!);
    }

    public async Task<EditResult<RemovedWantView>> RemoveAsync(long releaseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var want = await db.Wants.SingleOrDefaultAsync(w => w.ReleaseId == releaseId, cancellationToken);
        if (want is null)
        {
            return EditResult<RemovedWantView>.NotFound($"Release {releaseId} is not on the wantlist.");
        }

        db.Outbox.Add(new OutboxEntry
        {
            Kind = OutboxKind.WantRemove, State = OutboxState.Pending, ReleaseId = releaseId,
            Previous = JsonSerializer.Serialize(want), CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        db.Wants.Remove(want);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return EditResult<RemovedWantView>.Done(new RemovedWantView(releaseId, Removed: true, Pending: true));
    }

    /// <summary>A discarded entry's local change undone: the want as it was before (or no want, before an add).</summary>
    internal static async Task RevertAsync(VaultDbContext db, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var current = await db.Wants.SingleOrDefaultAsync(w => w.ReleaseId == entry.ReleaseId, cancellationToken);
        if (current is not null)
        {
            db.Wants.Remove(current);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (entry.Previous is not null && JsonSerializer.Deserialize<WantedRelease>(entry.Previous) is { } before)
        {
            db.Wants.Add(before);
        }
    }

    // Listed with the collection's page data when the release is owned, else with what the Search page knew; the next
    // sync writes Discogs' page data over it.
    private static async Task<WantedRelease> NewWantAsync(VaultDbContext db, long releaseId, ReleaseHint? hint, DateTime now, CancellationToken cancellationToken)
    {
        var owned = await db.Releases.AsNoTracking().Where(r => r.Id == releaseId)
            .Select(r => new { r.Title, r.ArtistDisplay, r.Year, r.Thumb, r.CoverImage, r.SearchText, Formats = r.Formats.Select(f => f.Name).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        var title = owned?.Title ?? (string.IsNullOrWhiteSpace(hint?.Title) ? $"Release {releaseId}" : hint.Title.Trim());
        var artist = owned?.ArtistDisplay ?? hint?.Artist?.Trim() ?? "";
        return new WantedRelease
        {
            ReleaseId = releaseId, Title = title, ArtistDisplay = artist, Year = owned?.Year ?? (hint?.Year is > 0 ? hint.Year : null),
            TitleSort = TextFold.Fold(title), ArtistSort = TextFold.Fold(artist), SearchText = owned?.SearchText ?? TextFold.Fold($"{title} | {artist}"),
            Formats = owned?.Formats.Distinct().ToList() ?? [], Thumb = owned?.Thumb ?? hint?.Thumb, CoverImage = owned?.CoverImage, DateAdded = now,
        };
    }
}
