using Bunit;
using MudBlazor;
using VinylVault.Core.Collection;
using VinylVault.Ui.Collection;

namespace VinylVault.Tests.Ui;

public sealed class FilterPanelTests
{
    private static readonly FilterChoices Options = new(
        ["Electronic", "Jazz", "Rock"],
        ["Downtempo", "Hard Bop"],
        ["Vinyl", "LP", "CD"],
        [new FolderOption(1, "Uncategorized"), new FolderOption(7, "Jazz shelf")],
        [1960, 1970, 1990]);

    [Fact]
    public async Task Typing_searches_as_you_type_and_goes_back_to_the_first_page()
    {
        await using var ctx = MudTestContext.Create(out var time);
        var queries = new List<CollectionQuery>();
        var panel = ctx.Render<FilterPanel>(p => p
            .Add(f => f.Query, new CollectionQuery { Page = 4 })
            .Add(f => f.QueryChanged, (CollectionQuery q) => queries.Add(q)));

        panel.Find("#collection-search").Input("  kruder ");
        Assert.Empty(queries);
        time.Advance(TimeSpan.FromMilliseconds(300));

        panel.WaitForAssertion(() => Assert.Single(queries));
        Assert.Equal("kruder", queries[0].Q);
        Assert.Equal(1, queries[0].Page);
    }

    [Fact]
    public async Task Choosing_a_genre_in_the_list_filters_by_it()
    {
        await using var ctx = MudTestContext.Create();
        var popovers = ctx.Render<MudPopoverProvider>();
        CollectionQuery? changed = null;
        var panel = ctx.Render<FilterPanel>(p => p
            .Add(f => f.Query, new CollectionQuery { Q = "blue" })
            .Add(f => f.Options, Options)
            .Add(f => f.Expanded, true)
            .Add(f => f.QueryChanged, (CollectionQuery q) => changed = q));

        panel.Find("input[data-test=genre]").Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains("Jazz", popovers.Markup));
        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Jazz").Click();

        panel.WaitForAssertion(() => Assert.NotNull(changed));
        Assert.Equal("Jazz", changed!.Genre);
        Assert.Equal("blue", changed.Q);
    }

    [Fact]
    public async Task Active_filters_show_as_chips_that_remove_themselves()
    {
        await using var ctx = MudTestContext.Create();
        CollectionQuery? changed = null;
        var query = new CollectionQuery { Q = "miles", Genre = "Jazz", FolderId = 7, YearFrom = 1950, YearTo = 1959, Rating = 5 };
        var panel = ctx.Render<FilterPanel>(p => p
            .Add(f => f.Query, query)
            .Add(f => f.Options, Options)
            .Add(f => f.QueryChanged, (CollectionQuery q) => changed = q));

        var chips = panel.FindAll("[data-test=active-filters] .mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Genre: Jazz", "Years: 1950s", "Folder: Jazz shelf", "Rating: ★★★★★"], chips);

        panel.FindAll("[data-test=active-filters] .mud-chip")[0].QuerySelector("button")!.Click();
        Assert.Equal(query with { Genre = null, Page = 1 }, changed);
    }

    [Fact]
    public async Task Clearing_filters_keeps_the_search_text_and_the_sort()
    {
        await using var ctx = MudTestContext.Create();
        CollectionQuery? changed = null;
        var panel = ctx.Render<FilterPanel>(p => p
            .Add(f => f.Query, new CollectionQuery
            {
                Q = "dub",
                Style = "Downtempo",
                Format = "LP",
                Sort = CollectionSort.Year,
                Order = SortOrder.Desc,
            })
            .Add(f => f.QueryChanged, (CollectionQuery q) => changed = q));

        panel.Find("[data-test=clear-filters]").Click();

        Assert.Equal(new CollectionQuery { Q = "dub", Sort = CollectionSort.Year, Order = SortOrder.Desc }, changed);
    }

    [Fact]
    public async Task The_order_button_flips_the_sort_direction()
    {
        await using var ctx = MudTestContext.Create();
        CollectionQuery? changed = null;
        var panel = ctx.Render<FilterPanel>(p => p
            .Add(f => f.Query, new CollectionQuery { Sort = CollectionSort.Title })
            .Add(f => f.QueryChanged, (CollectionQuery q) => changed = q));

        panel.Find("[data-test=order]").Click();

        Assert.Equal(SortOrder.Desc, changed!.Order);
        Assert.Equal(CollectionSort.Title, changed.Sort);
    }

    [Fact]
    public void A_decade_is_a_ten_year_range()
    {
        var query = CollectionFilters.WithDecade(new CollectionQuery { Page = 3 }, 1970);

        Assert.Equal((1970, 1979, 1), (query.YearFrom, query.YearTo, query.Page));
        Assert.Equal(1970, CollectionFilters.Decade(query));
        Assert.Null(CollectionFilters.Decade(query with { YearTo = 1975 }));
        Assert.Equal((null, null), (CollectionFilters.WithDecade(query, null).YearFrom, CollectionFilters.WithDecade(query, null).YearTo));
    }
}
