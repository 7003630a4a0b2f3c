using System.Globalization;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;
using VinylVault.Core.Wantlist;
using VinylVault.Ui.Collection;

namespace VinylVault.Ui.Find;

/// <summary>One release the Find page shows, and what it is to the owner: copies owned (and where), or not theirs.</summary>
public sealed record FindRow(long ReleaseId, string Title, string Artist, string? Meta, string? Thumb, int Copies, IReadOnlyList<string> Folders, SearchResult? FromDiscogs,
    bool Wanted = false, int? Year = null)
{
    public bool Owned => Copies > 0;

    /// <summary>What the row knows of its release, so a copy or a want added from it is listed at once.</summary>
    public ReleaseHint Hint => new(Title, Artist, Year, Thumb);

    /// <summary>"you own 2 copies (Sell Pile, Uncategorized)", "you own 1 copy (Uncategorized)", "on your wantlist" or "not yours".</summary>
    public string Verdict => (Copies, Wanted) switch
    {
        (0, true) => "on your wantlist",
        (0, false) => "not yours",
        (1, _) => $"you own 1 copy ({string.Join(", ", Folders)})",
        _ => $"you own {Copies.ToString(CultureInfo.InvariantCulture)} copies ({string.Join(", ", Folders)})",
    };

    /// <summary>
    /// Owned releases first (one row per release, however many copies), then the wants not owned, then Discogs' results
    /// not already shown; every row knows whether its release is on the wantlist.
    /// </summary>
    public static IReadOnlyList<FindRow> Build(IReadOnlyList<CollectionItemView> owned, IReadOnlyDictionary<int, string> folders, IReadOnlyList<SearchResult>? discogs,
        IReadOnlyList<WantView>? wanted = null)
    {
        var wants = (wanted ?? []).Select(w => w.ReleaseId).ToHashSet();
        string Folder(int id) => folders.GetValueOrDefault(id) ?? $"Folder {id.ToString(CultureInfo.InvariantCulture)}";

        var rows = owned.GroupBy(i => i.ReleaseId).Select(g =>
        {
            var first = g.First();
            return new FindRow(g.Key, first.Title, first.Artist, Describe(first.Year, first.Formats.FirstOrDefault(), first.Labels.FirstOrDefault()), first.LocalThumb ?? first.Thumb, g.Count(),
                [.. g.Select(i => Folder(i.FolderId)).Distinct()], null, wants.Contains(g.Key), first.Year);
        }).ToList();

        var shown = rows.Select(r => r.ReleaseId).ToHashSet();
        foreach (var want in wanted ?? [])
        {
            if (shown.Add(want.ReleaseId))
            {
                var hit = discogs?.FirstOrDefault(d => d.Id == want.ReleaseId);
                rows.Add(new FindRow(want.ReleaseId, want.Title, want.Artist, Describe(want.Year, want.Formats.FirstOrDefault()), want.Thumb, 0, [], hit, Wanted: true, want.Year));
            }
        }

        foreach (var result in discogs ?? [])
        {
            if (shown.Add(result.Id))
            {
                rows.Add(new FindRow(result.Id, SearchText.Title(result), SearchText.Artist(result), SearchText.Meta(result), result.Thumb, 0, [], result, wants.Contains(result.Id), result.Year));
            }
        }

        return rows;
    }

    /// <summary>"1977 · LP · Harvest": what is known, in that order.</summary>
    private static string Describe(int? year, params string?[] more) =>
        string.Join(" · ", new[] { year?.ToString(CultureInfo.InvariantCulture) }.Concat(more).Where(s => !string.IsNullOrEmpty(s)));
}
