using System.Globalization;
using VinylVault.Api.Simulator.Generation;
using VinylVault.Api.Simulator.Wire;

namespace VinylVault.Api.Simulator;

/// <summary>The bodies of the simulated endpoints, built from the simulator's state.</summary>
internal static class SimulatorAnswers
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 100;

    public static WireIdentity Identity(DiscogsSimulator sim, SimulatorLinks links) =>
        new(sim.Options.UserId, sim.Username, links.User(sim.Username), "VinylVault Simulator");

    public static WireFolders Folders(DiscogsSimulator sim, SimulatorLinks links)
    {
        var items = sim.Collection.Items;
        var folders = sim.Collection.Folders.Select(f => new WireFolder(
            f.Id, f.Name, items.Count(i => i.FolderId == f.Id), $"{links.User(sim.Username)}/collection/folders/{f.Id}"));
        return new WireFolders([new WireFolder(0, "All", items.Count, $"{links.User(sim.Username)}/collection/folders/0"), .. folders]);
    }

    public static WireCollectionPage CollectionPage(
        DiscogsSimulator sim, SimulatorLinks links, int folderId, int? page, int? perPage, string? sort, string? sortOrder)
    {
        var descending = string.Equals(sortOrder, "desc", StringComparison.OrdinalIgnoreCase);
        var key = SimulatedSort.Keys.Contains(sort) ? sort! : "added";
        var view = sim.Collection.View(folderId, key, descending);
        var size = PerPage(perPage);
        var layout = new PageLayout(view.Length, size, sim.Faults.ShortPageRate, sim.Options.Seed);
        var number = Math.Max(1, page ?? 1);
        var (offset, count) = layout.Slice(number);
        var query = sort is null ? "" : $"&sort={Uri.EscapeDataString(sort)}" + (sortOrder is null ? "" : $"&sort_order={Uri.EscapeDataString(sortOrder)}");
        var pagination = Pagination(number, layout.Pages, size, view.Length, $"{links.User(sim.Username)}/collection/folders/{folderId}/releases", query);
        return new WireCollectionPage(pagination, [.. view.Skip(offset).Take(count).Select(i => Item(i, sim.Catalog, links))]);
    }

    public static WireCollectionItem Item(SimulatedItem item, ReleaseCatalog catalog, SimulatorLinks links) => new(
        item.ReleaseId,
        item.InstanceId,
        item.FolderId,
        item.Rating,
        Date(item.DateAdded),
        item.Notes.Count == 0 ? null : [.. item.Notes.Select(n => new WireNote(n.FieldId, n.Value))],
        WireMapper.Basic(catalog.Get(item.ReleaseIndex), links));

    public static WireWantsPage Wants(DiscogsSimulator sim, SimulatorLinks links, int? page, int? perPage)
    {
        IReadOnlyList<SimulatedWant> wants = sim.Faults.WantsListed is { } listed ? [.. sim.Collection.Wants.Take(listed)] : sim.Collection.Wants;
        var size = PerPage(perPage);
        var number = Math.Max(1, page ?? 1);
        var pages = Math.Max(1, (wants.Count + size - 1) / size);
        var pagination = Pagination(number, pages, size, wants.Count, $"{links.User(sim.Username)}/wants", "");
        return new WireWantsPage(pagination, [.. wants.Skip((number - 1) * size).Take(size).Select(w => Want(sim, w, links))]);
    }

    public static WireWant Want(DiscogsSimulator sim, SimulatedWant w, SimulatorLinks links) => new(
        w.ReleaseId, w.Rating, w.Notes, $"{links.User(sim.Username)}/wants/{w.ReleaseId}", Date(w.DateAdded),
        WireMapper.Basic(sim.Catalog.Get(w.ReleaseIndex), links));

    public static WireSearchPage Search(DiscogsSimulator sim, SimulatorLinks links, SimulatedSearch search, int? page, int? perPage)
    {
        var catalog = sim.Catalog;
        var (text, type) = (search.Q?.Trim() ?? "", search.Type);
        var artists = type is null or "" or "artist" && !search.ByPrint
            ? catalog.Artists.All.Where(a => text.Length > 0 && a.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Select(a => (Artist: (GeneratedArtist?)a, Index: -1))
            : [];
        var releases = type is null or "" or "release"
            ? Enumerable.Range(0, catalog.Count)
                .Where(i => (text.Length == 0 || catalog.Card(i).SearchText.Contains(text, StringComparison.OrdinalIgnoreCase))
                    && search.MatchesPrint(catalog.Get(i)))
                .Select(i => (Artist: (GeneratedArtist?)null, Index: i))
            : [];
        var hits = artists.Concat(releases).ToList();
        var size = PerPage(perPage);
        var number = Math.Max(1, page ?? 1);
        var pages = Math.Max(1, (hits.Count + size - 1) / size);
        var query = $"&q={Uri.EscapeDataString(text)}" + (type is null ? "" : $"&type={Uri.EscapeDataString(type)}");
        var pagination = Pagination(number, pages, size, hits.Count, $"{links.ApiBase}/database/search", query);
        return new WireSearchPage(pagination, [.. hits.Skip((number - 1) * size).Take(size).Select(hit => hit.Artist is { } artist
            ? WireMapper.SearchArtist(artist, links)
            : WireMapper.Search(catalog.Get(hit.Index), links))]);
    }

    /// <summary>lowest_price of GET /releases/{id}: in curr_abbr when it names a known currency, else in the owner's.</summary>
    public static decimal? LowestPrice(DiscogsSimulator sim, GeneratedRelease release, string? currency) =>
        release.LowestPrice is { } price
            ? SimulatedCurrency.Convert(price, sim.Options.CurrencyCode, SimulatedCurrency.IsKnown(currency) ? currency! : sim.Options.CurrencyCode)
            : null;

    /// <summary>Totals over every copy, at a low, middle and high price per release, in the owner's currency.</summary>
    public static WireValue Value(DiscogsSimulator sim)
    {
        var (min, median, max) = (0m, 0m, 0m);
        foreach (var item in sim.Collection.Items)
        {
            var price = sim.Catalog.Get(item.ReleaseIndex).LowestPrice ?? 4m;
            (min, median, max) = (min + (price * 0.7m), median + (price * 1.2m), max + (price * 2.5m));
        }

        string Money(decimal amount) => SimulatedCurrency.Format(amount, sim.Options.CurrencyCode);
        return new WireValue(Money(min), Money(median), Money(max));
    }

    /// <summary>Every copy of one release, as one page (GET /users/{u}/collection/releases/{id}).</summary>
    public static WireCollectionPage ReleaseCopies(DiscogsSimulator sim, SimulatorLinks links, long releaseId)
    {
        var copies = sim.Collection.CopiesOf(releaseId);
        var pagination = Pagination(1, 1, DefaultPerPage, copies.Count, $"{links.User(sim.Username)}/collection/releases/{releaseId}", "");
        return new WireCollectionPage(pagination, [.. copies.Select(i => Item(i, sim.Catalog, links))]);
    }

    public static WireFields Fields() => new(
    [
        new(SimulatedFields.MediaCondition, "Media Condition", "dropdown", 1, true, Vocabulary.MediaConditions, null),
        new(SimulatedFields.SleeveCondition, "Sleeve Condition", "dropdown", 2, true, Vocabulary.SleeveConditions, null),
        new(SimulatedFields.Notes, "Notes", "textarea", 3, false, null, 3),
    ]);

    public static WireMarketplaceStats MarketplaceStats(GeneratedRelease release, string currency) => new(
        release.NumForSale, release.LowestPrice is { } price ? new WirePrice(price, currency) : null, false);

    private static int PerPage(int? perPage) => perPage is null or < 1 ? DefaultPerPage : Math.Min(perPage.Value, MaxPerPage);

    private static WirePagination Pagination(int page, int pages, int perPage, int items, string path, string query)
    {
        string Url(int p) => $"{path}?page={p}&per_page={perPage}{query}";
        var urls = new WireUrls(
            page > 1 ? Url(1) : null,
            page > 1 ? Url(Math.Min(page - 1, pages)) : null,
            page < pages ? Url(page + 1) : null,
            page < pages ? Url(pages) : null);
        return new WirePagination(page, pages, perPage, items, urls);
    }

    private static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
