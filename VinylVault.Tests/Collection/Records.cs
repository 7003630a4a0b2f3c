using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Collection;

/// <summary>Discogs-shaped records for tests that need exact data (accents, unknown years, two copies of one release).</summary>
public static class Records
{
    public static BasicInformation Basic(long id, string title, string artist, int year = 2000, string genre = "Electronic",
        string style = "Downtempo", string format = "Vinyl", string[]? descriptions = null, string label = "Label", string catno = "CAT-1",
        long artistId = 0, string? join = null, string? secondArtist = null) => new()
        {
            Id = id,
            Title = title,
            Year = year,
            MasterId = 0,
            Thumb = $"https://img.example/{id}-150.jpg",
            CoverImage = $"https://img.example/{id}.jpg",
            Artists = secondArtist is null
            ? [new DiscogsArtist { Id = artistId == 0 ? 1000 + id : artistId, Name = artist }]
            : [new DiscogsArtist { Id = artistId == 0 ? 1000 + id : artistId, Name = artist, Join = join ?? "&" }, new DiscogsArtist { Id = 5000 + id, Name = secondArtist }],
            Labels = [new DiscogsLabel { Id = 9000 + id % 7, Name = label, Catno = catno }],
            Formats = [new DiscogsFormat { Name = format, Qty = 1, Descriptions = descriptions ?? ["LP", "Album"] }],
            Genres = [genre],
            Styles = [style],
        };

    public static CollectionItem Item(long instanceId, BasicInformation info, int folder = 1, int rating = 0, DateTimeOffset? added = null,
        params CollectionNote[] notes) => new()
        {
            Id = info.Id,
            InstanceId = instanceId,
            FolderId = folder,
            Rating = rating,
            DateAdded = added ?? new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.FromHours(-7)).AddDays(instanceId),
            Notes = notes,
            BasicInformation = info,
        };

    public static CollectionPage Page(params CollectionItem[] items) => new()
    {
        Pagination = new DiscogsPagination { Page = 1, Pages = 1, PerPage = 100, Items = items.Length },
        Releases = items,
    };

    public static DiscogsRelease Details(BasicInformation info, int tracks = 4) => new()
    {
        Id = info.Id,
        Title = info.Title,
        Year = info.Year,
        Country = "Sweden",
        Released = "1999-03-00",
        Notes = $"Notes of {info.Title}",
        DataQuality = "Correct",
        Uri = $"https://www.discogs.com/release/{info.Id}-x",
        Community = new DiscogsCommunity { Have = 120, Want = 45, Rating = new DiscogsCommunityRating(33, 4.25m) },
        LowestPrice = 12.5m,
        NumForSale = 3,
        Artists = info.Artists,
        Labels = info.Labels,
        Formats = info.Formats,
        Genres = info.Genres,
        Styles = info.Styles,
        Thumb = info.Thumb,
        Tracklist = [.. Enumerable.Range(1, tracks).Select(n => new DiscogsTrack { Position = $"A{n}", Title = $"Track {n}", Duration = $"{n}:0{n}", Type = "track" })],
        Images = [new DiscogsImage { Type = "primary", Uri = $"https://img.example/{info.Id}-big.jpg", Uri150 = $"https://img.example/{info.Id}-150.jpg", Width = 600, Height = 600 },
                  new DiscogsImage { Type = "secondary", Uri = $"https://img.example/{info.Id}-back.jpg", Width = 600, Height = 600 }],
    };
}
