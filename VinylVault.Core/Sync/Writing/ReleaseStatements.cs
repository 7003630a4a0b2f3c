using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync.Writing;

/// <summary>Upserts of a release and the rows it owns, from page data (basic_information) or from /releases/{id}.</summary>
internal sealed class ReleaseStatements(SqlBatch batch)
{
    private const string Derived = "Title = excluded.Title, Year = excluded.Year, ArtistDisplay = excluded.ArtistDisplay, " +
        "ArtistSort = excluded.ArtistSort, TitleSort = excluded.TitleSort, SearchText = excluded.SearchText, MasterId = excluded.MasterId";

    private readonly Statement _basic = batch.Prepare(
        "INSERT INTO Releases (Id, Title, Year, ArtistDisplay, ArtistSort, TitleSort, SearchText, MasterId, Thumb, CoverImage, BasicHash, HasDetails, DetailsNotFound) " +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, 0, 0) " +
        $"ON CONFLICT(Id) DO UPDATE SET {Derived}, Thumb = excluded.Thumb, CoverImage = excluded.CoverImage, BasicHash = excluded.BasicHash", 11);

    private readonly Statement _details = batch.Prepare(
        "INSERT INTO Releases (Id, Title, Year, ArtistDisplay, ArtistSort, TitleSort, SearchText, MasterId, Thumb, CoverImage, BasicHash, " +
        "Country, Released, Notes, DataQuality, DiscogsUrl, CommunityHave, CommunityWant, CommunityRating, CommunityRatingCount, " +
        "LowestPrice, NumForSale, DetailsFetchedAt, PriceCurrency, HasDetails, DetailsNotFound) " +
        "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, 0, @p10, @p11, @p12, @p13, @p14, @p15, @p16, @p17, @p18, @p19, @p20, @p21, @p22, 1, 0) " +
        $"ON CONFLICT(Id) DO UPDATE SET {Derived}, Country = excluded.Country, Released = excluded.Released, Notes = excluded.Notes, " +
        "DataQuality = excluded.DataQuality, DiscogsUrl = excluded.DiscogsUrl, CommunityHave = excluded.CommunityHave, " +
        "CommunityWant = excluded.CommunityWant, CommunityRating = excluded.CommunityRating, CommunityRatingCount = excluded.CommunityRatingCount, " +
        "LowestPrice = excluded.LowestPrice, NumForSale = excluded.NumForSale, DetailsFetchedAt = excluded.DetailsFetchedAt, " +
        "PriceCurrency = excluded.PriceCurrency, HasDetails = 1, DetailsNotFound = 0 RETURNING BasicHash", 23);

    private readonly Statement _notFound = batch.Prepare("UPDATE Releases SET DetailsNotFound = 1 WHERE Id = @p0", 1);
    private readonly ReleaseChildren _children = new(batch);

    public async Task WriteBasicAsync(BasicInformation info, long hash, CancellationToken cancellationToken)
    {
        var (display, artistSort, titleSort, search) = ReleaseColumns.Keys(info.Title, info.Artists, info.Labels);
        await _basic.RunAsync(cancellationToken, info.Id, info.Title, DiscogsDisplay.Known(info.Year), display, artistSort, titleSort, search,
            DiscogsDisplay.Known(info.MasterId), info.Thumb, info.CoverImage, hash);
        await _children.ReplaceBasicAsync(info.Id, info.Artists, info.Labels, info.Formats, info.Genres, info.Styles, cancellationToken);
    }

    /// <param name="currency">The curr_abbr the details were asked in: the currency of lowest_price; null when unknown.</param>
    public async Task WriteDetailsAsync(DiscogsRelease release, DateTime fetchedAt, string? currency, CancellationToken cancellationToken)
    {
        var (display, artistSort, titleSort, search) = ReleaseColumns.Keys(release.Title, release.Artists, release.Labels);
        var cover = release.Images.FirstOrDefault(i => i.Type == "primary")?.Uri ?? release.Images.FirstOrDefault()?.Uri;
        var community = release.Community;
        var basicHash = await _details.ScalarAsync(cancellationToken, release.Id, release.Title, DiscogsDisplay.Known(release.Year), display, artistSort, titleSort, search,
            DiscogsDisplay.Known(release.MasterId), release.Thumb, cover,
            release.Country, release.Released, release.Notes, release.DataQuality, release.Uri,
            community?.Have, community?.Want, community?.Rating is { } r ? (double)r.Average : null, community?.Rating?.Count,
            release.LowestPrice, release.NumForSale, fetchedAt, release.LowestPrice is null ? null : currency);
        // basic_information is the release's own credits, formats, genres and styles, abbreviated: when a collection
        // page wrote them (its hash is kept), writing them again from the details is a dozen statements for nothing.
        if (basicHash is 0L)
        {
            await _children.ReplaceBasicAsync(release.Id, release.Artists, release.Labels, release.Formats, release.Genres, release.Styles, cancellationToken);
        }

        await _children.ReplaceDetailsAsync(release.Id, release.Tracklist, release.Images, release.Identifiers, cancellationToken);
    }

    public Task MarkNotFoundAsync(long releaseId, CancellationToken cancellationToken) => _notFound.RunAsync(cancellationToken, releaseId);
}
