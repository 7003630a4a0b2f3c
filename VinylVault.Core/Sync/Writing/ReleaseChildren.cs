using VinylVault.Core.Discogs;
using VinylVault.Core.Lookup;

namespace VinylVault.Core.Sync.Writing;

/// <summary>Replaces the rows a release owns (artists, labels, formats, genres, styles, tracks, images, identifiers) in Discogs' order.</summary>
internal sealed class ReleaseChildren(SqlBatch batch)
{
    private readonly Statement _deleteArtists = batch.Prepare("DELETE FROM ReleaseArtists WHERE ReleaseId = @p0", 1);
    private readonly Statement _deleteLabels = batch.Prepare("DELETE FROM ReleaseLabels WHERE ReleaseId = @p0", 1);
    private readonly Statement _deleteFormats = batch.Prepare("DELETE FROM ReleaseFormats WHERE ReleaseId = @p0", 1);
    private readonly Statement _deleteGenres = batch.Prepare("DELETE FROM ReleaseGenres WHERE ReleaseId = @p0", 1);
    private readonly Statement _deleteStyles = batch.Prepare("DELETE FROM ReleaseStyles WHERE ReleaseId = @p0", 1);
    private readonly Statement _deleteTracks = batch.Prepare("DELETE FROM Tracks WHERE ReleaseId = @p0", 1);
    private readonly Statement _deleteImages = batch.Prepare("DELETE FROM ReleaseImages WHERE ReleaseId = @p0", 1);
    private readonly Statement _deleteIdentifiers = batch.Prepare("DELETE FROM ReleaseIdentifiers WHERE ReleaseId = @p0", 1);

    private readonly Statement _artist = batch.Prepare(
        "INSERT INTO Artists (Id, Name) VALUES (@p0, @p1) ON CONFLICT(Id) DO UPDATE SET Name = excluded.Name WHERE Name <> excluded.Name", 2);
    private readonly Statement _label = batch.Prepare(
        "INSERT INTO Labels (Id, Name) VALUES (@p0, @p1) ON CONFLICT(Id) DO UPDATE SET Name = excluded.Name WHERE Name <> excluded.Name", 2);
    private readonly Statement _releaseArtist = batch.Prepare(
        "INSERT INTO ReleaseArtists (ReleaseId, Sequence, ArtistId, Anv, \"Join\") VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
    private readonly Statement _releaseLabel = batch.Prepare(
        "INSERT INTO ReleaseLabels (ReleaseId, Sequence, LabelId, Catno, CatnoKey) VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
    private readonly Statement _format = batch.Prepare(
        "INSERT INTO ReleaseFormats (ReleaseId, Sequence, Name, Qty, Text, Descriptions) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);
    // Discogs lists each genre once; OR IGNORE keeps a repeated one from failing the whole batch.
    private readonly Statement _genre = batch.Prepare("INSERT OR IGNORE INTO ReleaseGenres (ReleaseId, Name) VALUES (@p0, @p1)", 2);
    private readonly Statement _style = batch.Prepare("INSERT OR IGNORE INTO ReleaseStyles (ReleaseId, Name) VALUES (@p0, @p1)", 2);
    private readonly Statement _track = batch.Prepare(
        "INSERT INTO Tracks (ReleaseId, Sequence, Position, Title, Duration, Type) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);
    private readonly Statement _image = batch.Prepare(
        "INSERT INTO ReleaseImages (ReleaseId, Sequence, Type, Uri, Uri150, Width, Height) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)", 7);
    private readonly Statement _identifier = batch.Prepare(
        "INSERT INTO ReleaseIdentifiers (ReleaseId, Sequence, Type, Value, Description, \"Key\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);

    public async Task ReplaceBasicAsync(long releaseId, IReadOnlyList<DiscogsArtist> artists, IReadOnlyList<DiscogsLabel> labels,
        IReadOnlyList<DiscogsFormat> formats, IReadOnlyList<string> genres, IReadOnlyList<string> styles, CancellationToken cancellationToken)
    {
        await _deleteArtists.RunAsync(cancellationToken, releaseId);
        await _deleteLabels.RunAsync(cancellationToken, releaseId);
        await _deleteFormats.RunAsync(cancellationToken, releaseId);
        await _deleteGenres.RunAsync(cancellationToken, releaseId);
        await _deleteStyles.RunAsync(cancellationToken, releaseId);
        for (var i = 0; i < artists.Count; i++)
        {
            var a = artists[i];
            await _artist.RunAsync(cancellationToken, a.Id, a.Name);
            await _releaseArtist.RunAsync(cancellationToken, releaseId, i, a.Id, NullIfEmpty(a.Anv), NullIfEmpty(a.Join));
        }

        for (var i = 0; i < labels.Count; i++)
        {
            var l = labels[i];
            await _label.RunAsync(cancellationToken, l.Id, l.Name);
            await _releaseLabel.RunAsync(cancellationToken, releaseId, i, l.Id, NullIfEmpty(l.Catno), LookupKeys.Catno(l.Catno));
        }

        for (var i = 0; i < formats.Count; i++)
        {
            var f = formats[i];
            await _format.RunAsync(cancellationToken, releaseId, i, f.Name, f.Qty, NullIfEmpty(f.Text), ReleaseColumns.DescriptionsJson(f.Descriptions));
        }

        foreach (var genre in genres)
        {
            await _genre.RunAsync(cancellationToken, releaseId, genre);
        }

        foreach (var style in styles)
        {
            await _style.RunAsync(cancellationToken, releaseId, style);
        }
    }

    public async Task ReplaceDetailsAsync(long releaseId, IReadOnlyList<DiscogsTrack> tracks, IReadOnlyList<DiscogsImage> images,
        IReadOnlyList<DiscogsIdentifier> identifiers, CancellationToken cancellationToken)
    {
        await _deleteTracks.RunAsync(cancellationToken, releaseId);
        await _deleteImages.RunAsync(cancellationToken, releaseId);
        await _deleteIdentifiers.RunAsync(cancellationToken, releaseId);
        for (var i = 0; i < identifiers.Count; i++)
        {
            var id = identifiers[i];
            await _identifier.RunAsync(cancellationToken, releaseId, i, id.Type, id.Value, NullIfEmpty(id.Description), LookupKeys.Identifier(id.Type, id.Value));
        }

        for (var i = 0; i < tracks.Count; i++)
        {
            var t = tracks[i];
            await _track.RunAsync(cancellationToken, releaseId, i, t.Position, t.Title, NullIfEmpty(t.Duration), t.Type);
        }

        for (var i = 0; i < images.Count; i++)
        {
            var m = images[i];
            await _image.RunAsync(cancellationToken, releaseId, i, m.Type, m.Uri, m.Uri150, m.Width, m.Height);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
