using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Ui.Collection;

namespace VinylVault.Tests.Ui;

/// <summary>
/// 10,000 records: the grid and the table render only a slice and read only the pages under it. (Without a browser,
/// Virtualize cannot measure the viewport and renders a generous first slice; the browser test scrolls the real one.)
/// </summary>
public sealed class VirtualizationTests
{
    private const int Total = 10_000;

    [Fact]
    public async Task The_grid_renders_a_few_rows_of_a_ten_thousand_record_collection()
    {
        await using var ctx = Context();
        var pages = new List<int>();
        var window = new CollectionWindow(new CollectionQuery(), (q, _) => Fetch(q, pages));
        var total = 0;

        var grid = ctx.Render<CollectionGrid>(p => p.Add(g => g.Window, window).Add(g => g.Columns, 6).Add(g => g.OnTotal, (int t) => total = t));

        grid.WaitForAssertion(() => Assert.NotEmpty(grid.FindAll("[data-test=cover-card]")));
        var cards = grid.FindAll("[data-test=cover-card]");
        Assert.InRange(cards.Count, 6, Total / 10);
        Assert.Equal(0, cards.Count % 6);
        Assert.Equal("0", cards[0].GetAttribute("data-release"));
        Assert.Equal(Total, total);
        Assert.Equal(Enumerable.Range(1, (cards.Count + CollectionWindow.PageSize - 1) / CollectionWindow.PageSize), pages);
    }

    [Fact]
    public async Task The_table_renders_a_screenful_of_rows()
    {
        await using var ctx = Context();
        var pages = new List<int>();
        var window = new CollectionWindow(new CollectionQuery(), (q, _) => Fetch(q, pages));

        var table = ctx.Render<CollectionTable>(p => p.Add(t => t.Window, window));

        table.WaitForAssertion(() => Assert.NotEmpty(table.FindAll("[data-test=collection-row]")));
        var rows = table.FindAll("[data-test=collection-row]").Count;
        Assert.InRange(rows, 1, Total / 10);
        Assert.Equal(Enumerable.Range(1, (rows + CollectionWindow.PageSize - 1) / CollectionWindow.PageSize), pages);
    }

    private static Task<CollectionPageResult> Fetch(CollectionQuery query, List<int> pages)
    {
        pages.Add(query.Page);
        var start = (query.Page - 1) * query.PageSize;
        var items = Enumerable.Range(start, Math.Min(query.PageSize, Total - start))
            .Select(i => new CollectionItemView(i, i, $"Title {i}", $"Artist {i}", 1970 + i % 50, ["Rock"], [], ["Vinyl"], ["Label"],
                i % 6, 1, DateTime.UnixEpoch.AddDays(i), null, null, true))
            .ToList();
        return Task.FromResult(new CollectionPageResult(items, query.Page, query.PageSize, Total));
    }

    private static BunitContext Context()
    {
        var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton(new CoverUrls());
        return ctx;
    }
}
