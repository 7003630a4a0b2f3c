using VinylVault.Core.Sync;

namespace VinylVault.Core.Collection;

public sealed record CountBy(string Name, int Count);

/// <summary>The dashboard's figures. Albums are owned copies (instances); counts by genre, decade and format count copies too.</summary>
public sealed record CollectionStats(
    int TotalAlbums,
    int TotalReleases,
    int TotalArtists,
    int TotalLabels,
    int TotalGenres,
    int ReleasesWithDetails,
    IReadOnlyList<CountBy> ByGenre,
    IReadOnlyList<CountBy> ByDecade,
    IReadOnlyList<CountBy> ByFormat,
    IReadOnlyList<CountBy> TopArtists,
    SyncRunView? LastSync);

/// <summary>What the filter panel offers, with how many copies each choice would show.</summary>
public sealed record CollectionFacets(
    IReadOnlyList<CountBy> Genres,
    IReadOnlyList<CountBy> Styles,
    IReadOnlyList<CountBy> Formats,
    IReadOnlyList<FolderFacet> Folders,
    int? YearMin,
    int? YearMax);

public sealed record FolderFacet(int Id, string Name, int Count);
