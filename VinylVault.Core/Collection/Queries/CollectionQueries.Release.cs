using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Outbox;

namespace VinylVault.Core.Collection;

public sealed partial class CollectionQueries
{
    private readonly VersionedCache<Names> _names = new(version);

    // Compiled once: EF otherwise walks these eleven includes' expression tree again on every call to find its
    // parameters, a seventh of what opening a release allocated.
    private static readonly Func<VaultDbContext, long, CancellationToken, Task<Release?>> ReleaseWithEverything =
        EF.CompileAsyncQuery((VaultDbContext db, long releaseId, CancellationToken _) => db.Releases.AsNoTracking().AsSplitQuery()
            .Include(r => r.Artists).ThenInclude(a => a.Artist)
            .Include(r => r.Labels).ThenInclude(l => l.Label)
            .Include(r => r.Formats)
            .Include(r => r.Genres)
            .Include(r => r.Styles)
            .Include(r => r.Tracks)
            .Include(r => r.Images)
            .Include(r => r.Identifiers)
            .Include(r => r.Instances).ThenInclude(i => i.Notes)
            .SingleOrDefault(r => r.Id == releaseId));

    /// <summary>The release with its tracklist, images and owned copies; null when it is not in the collection.</summary>
    public async Task<ReleaseDetailView?> GetReleaseAsync(long releaseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var release = await ReleaseWithEverything(db, releaseId, cancellationToken);
        if (release is null)
        {
            return null;
        }

        var (folders, fields) = await _names.GetAsync(ComputeNamesAsync, cancellationToken);
        var copies = release.Instances.Select(i => (long?)i.InstanceId).ToList();
        HashSet<long?> pending = copies.Count == 0 ? [] : (await db.Outbox.Where(e => copies.Contains(e.InstanceId) && e.State != OutboxState.Sent).Select(e => e.InstanceId).ToListAsync(cancellationToken)).ToHashSet();
        var community = release.CommunityHave is { } have
            ? new CommunityView(have, release.CommunityWant ?? 0, release.CommunityRating, release.CommunityRatingCount ?? 0)
            : null;

        return new ReleaseDetailView(
            release.Id, release.Title, release.ArtistDisplay, release.Year, release.Country, release.Released, release.Notes,
            release.MasterId, release.Thumb, release.CoverImage, release.DataQuality,
            release.DiscogsUrl ?? $"https://www.discogs.com/release/{release.Id}",
            [.. release.Artists.OrderBy(a => a.Sequence).Select(a => new ArtistCredit(a.ArtistId, a.Artist.Name, a.Anv, a.Join))],
            [.. release.Labels.OrderBy(l => l.Sequence).Select(l => new LabelCredit(l.LabelId, l.Label.Name, l.Catno))],
            [.. release.Formats.OrderBy(f => f.Sequence).Select(f => new FormatView(f.Name, f.Qty, f.Descriptions, f.Text))],
            [.. release.Genres.Select(g => g.Name).Order()],
            [.. release.Styles.Select(s => s.Name).Order()],
            [.. release.Tracks.OrderBy(t => t.Sequence).Select(t => new TrackView(t.Position, t.Title, t.Duration, t.Type))],
            [.. release.Images.OrderBy(i => i.Sequence).Select(i => new ImageView(i.Type, i.Uri, i.Uri150, i.Width, i.Height)
            {
                // Discogs' primary image is the cover: the cover's cached file serves it, not a second download.
                Local = i.Uri == release.CoverImage
                    ? Covers.CoverKind.LocalUrl(release.Id, Covers.CoverKind.Cover, i.Uri)
                    : Covers.CoverKind.LocalImageUrl(release.Id, i.Sequence, i.Uri),
            })],
            community, release.LowestPrice, release.NumForSale, release.HasDetails, release.DetailsFetchedAt,
            [.. release.Instances.OrderBy(i => i.DateAdded).ThenBy(i => i.InstanceId).Select(i => new InstanceView(
                i.InstanceId, i.FolderId, folders.GetValueOrDefault(i.FolderId), i.Rating, i.DateAdded,
                i.Notes.OrderBy(n => n.FieldId).ToDictionary(n => fields.GetValueOrDefault(n.FieldId) ?? $"Field {n.FieldId}", n => n.Value),
                pending.Contains(i.InstanceId)))],
            release.PriceCurrency,
            [.. release.Identifiers.OrderBy(i => i.Sequence).Select(i => new IdentifierView(i.Type, i.Value, i.Description))]);
    }

    /// <summary>Folder and custom-field names, which every opened release shows: kept like the statistics, until the next commit.</summary>
    private async Task<Names> ComputeNamesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new Names(await db.Folders.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken),
            await db.CustomFields.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken));
    }

    private sealed record Names(Dictionary<int, string> Folders, Dictionary<int, string> Fields);
}
