using System.Globalization;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Ui.Collection;

namespace VinylVault.Ui.Find;

/// <summary>One release the Find page shows, and what it is to the owner: copies owned (and where), or not theirs.</summary>
public sealed record FindRow(long ReleaseId, string Title, string Artist, string? Meta, string? Thumb, int Copies, IReadOnlyList<string> Folders, SearchResult? FromDiscogs)
{
    public bool Owned => Copies > 0;

    /// <summary>"you own 2 copies (Sell Pile, Uncategorized)", "you own 1 copy (Uncategorized)" or "not yours".</summary>
    public string Verdict => Copies switch
    {
        0 => "not yours",
        1 => $"you own 1 copy ({string.Join(", ", Folders)})",
        _ => $"you own {Copies.ToString(CultureInfo.InvariantCulture)} copies ({string.Join(", ", Folders)})",
    };

    /// <summary>Owned releases first (one row per release, however many copies), then Discogs' results not already shown.</summary>
    public static IReadOnlyList<FindRow> Build(IReadOnlyList<CollectionItemView> owned, IReadOnlyDictionary<int, string> folders, IReadOnlyList<SearchResult>? discogs)
    {
        string Folder(int id) => folders.GetValueOrDefault(id) ?? $"Folder {id.ToString(CultureInfo.InvariantCulture)}";

        var rows = owned.GroupBy(i => i.ReleaseId).Select(g =>
        {
            var first = g.First();
            var meta = string.Join(" · ", new[] { first.Year?.ToString(CultureInfo.InvariantCulture), first.Formats.FirstOrDefault(), first.Labels.FirstOrDefault() }
                .Where(s => !string.IsNullOrEmpty(s)));
            return new FindRow(g.Key, first.Title, first.Artist, meta, first.LocalThumb ?? first.Thumb, g.Count(),
                [.. g.Select(i => Folder(i.FolderId)).Distinct()], null);
        }).ToList();

        var shown = rows.Select(r => r.ReleaseId).ToHashSet();
        foreach (var result in discogs ?? [])
        {
            if (shown.Add(result.Id))
            {
                rows.Add(new FindRow(result.Id, SearchText.Title(result), SearchText.Artist(result), SearchText.Meta(result), result.Thumb, 0, [], result));
            }
        }

        return rows;
    }
}
