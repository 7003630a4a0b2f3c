using VinylVault.Core.Collection;

namespace VinylVault.Tests.Collection;

public sealed class CollectionQueryTests(SeededCollection collection) : IClassFixture<SeededCollection>
{
    private Task<CollectionPageResult> Page(CollectionQuery query) => collection.Queries.GetPageAsync(query, CancellationToken.None);

    private async Task<string[]> Titles(CollectionQuery query) => [.. (await Page(query)).Items.Select(i => i.Title)];

    [Fact]
    public async Task Each_owned_copy_is_an_item_so_a_release_owned_twice_shows_twice()
    {
        var page = await Page(new CollectionQuery());

        Assert.Equal(6, page.Total);
        Assert.Equal([21L, 22L], page.Items.Where(i => i.ReleaseId == 2).Select(i => i.InstanceId).Order());
    }

    [Theory]
    [InlineData("sodermalm")]
    [InlineData("SÖDERMALM")]
    [InlineData("kruder dorfmeister")]
    [InlineData("g-stone 005")]
    public async Task Search_ignores_case_and_accents_and_covers_title_artist_label_and_catalogue_number(string q)
    {
        Assert.Equal(["Södermalm"], await Titles(new CollectionQuery { Q = q }));
    }

    [Fact]
    public async Task Search_text_is_data_not_SQL()
    {
        Assert.Empty(await Titles(new CollectionQuery { Q = "'; DROP TABLE Releases; --" }));
        Assert.Empty(await Titles(new CollectionQuery { Q = "%" }));
        Assert.Equal(6, (await Page(new CollectionQuery())).Total);
    }

    [Fact]
    public async Task Filters_by_genre_style_and_format_name_or_description_ignoring_case()
    {
        Assert.Equal(["Around the World", "Södermalm"], (await Titles(new CollectionQuery { Genre = "electronic", Sort = CollectionSort.Title })));
        Assert.Equal(["Blue Train", "Blue Train"], await Titles(new CollectionQuery { Style = "Hard Bop" }));
        Assert.Equal(["Unknown Year Tape"], await Titles(new CollectionQuery { Format = "cassette" }));
        Assert.Equal(["Around the World"], await Titles(new CollectionQuery { Format = "12\"" }));
        Assert.Equal(3, (await Page(new CollectionQuery { Format = "lp" })).Total);
    }

    [Fact]
    public async Task Filters_by_year_range_folder_and_rating_and_combines_them()
    {
        Assert.Equal(["Around the World", "Södermalm"], await Titles(new CollectionQuery { YearFrom = 1990, YearTo = 1999, Sort = CollectionSort.Title }));
        Assert.Equal([22L], (await Page(new CollectionQuery { FolderId = 2 })).Items.Select(i => i.InstanceId));
        Assert.Equal(6, (await Page(new CollectionQuery { FolderId = 0 })).Total);
        Assert.Equal(["Around the World", "Södermalm"], await Titles(new CollectionQuery { Rating = 5, Sort = CollectionSort.Title }));
        Assert.Equal(["Unknown Year Tape"], await Titles(new CollectionQuery { Rating = 0 }));
        Assert.Equal(["Södermalm"], await Titles(new CollectionQuery { Rating = 5, Genre = "Electronic", YearTo = 1996 }));
    }

    [Fact]
    public async Task Sorts_by_artist_title_year_and_date_added_in_either_order()
    {
        Assert.Equal(["Unknown Year Tape", "Around the World", "Åsa's Song", "Blue Train", "Blue Train", "Södermalm"],
            await Titles(new CollectionQuery { Sort = CollectionSort.Artist }));
        Assert.Equal(["Unknown Year Tape", "Södermalm", "Blue Train", "Blue Train", "Åsa's Song", "Around the World"],
            await Titles(new CollectionQuery { Sort = CollectionSort.Title, Order = SortOrder.Desc }));
        // An unknown year is null, and sorts last both ways.
        Assert.Equal(["Blue Train", "Blue Train", "Södermalm", "Around the World", "Åsa's Song", "Unknown Year Tape"],
            await Titles(new CollectionQuery { Sort = CollectionSort.Year }));
        Assert.Equal(["Åsa's Song", "Around the World", "Södermalm", "Blue Train", "Blue Train", "Unknown Year Tape"],
            await Titles(new CollectionQuery { Sort = CollectionSort.Year, Order = SortOrder.Desc }));
        Assert.Equal([51L, 41L, 31L, 22L, 21L, 11L],
            (await Page(new CollectionQuery { Sort = CollectionSort.DateAdded, Order = SortOrder.Desc })).Items.Select(i => i.InstanceId));
        Assert.Null((await Page(new CollectionQuery { Q = "tape" })).Items.Single().Year);
    }

    [Fact]
    public async Task Pages_split_the_sorted_result_without_gaps_or_repeats()
    {
        var all = await Page(new CollectionQuery { Sort = CollectionSort.DateAdded, PageSize = 100 });
        var paged = new List<long>();
        for (var p = 1; p <= 3; p++)
        {
            var page = await Page(new CollectionQuery { Sort = CollectionSort.DateAdded, Page = p, PageSize = 2 });
            Assert.Equal((p, 2, 6), (page.Page, page.PageSize, page.Total));
            paged.AddRange(page.Items.Select(i => i.InstanceId));
        }

        Assert.Equal(all.Items.Select(i => i.InstanceId), paged);
        Assert.Empty((await Page(new CollectionQuery { Page = 4, PageSize = 2 })).Items);
        Assert.Equal(CollectionQuery.MaxPageSize, (await Page(new CollectionQuery { PageSize = 100_000 })).PageSize);
    }

    [Fact]
    public async Task An_item_carries_what_the_grid_shows()
    {
        var item = (await Page(new CollectionQuery { Q = "sodermalm" })).Items.Single();

        Assert.Equal("Kruder & Dorfmeister", item.Artist);
        Assert.Equal(1996, item.Year);
        Assert.Equal(["Electronic"], item.Genres);
        Assert.Equal(["Downtempo"], item.Styles);
        Assert.Equal(["Vinyl", "LP", "Album"], item.Formats);
        Assert.Equal(["G-Stone"], item.Labels);
        Assert.Equal((5, 1), (item.Rating, item.FolderId));
        Assert.Equal(new DateTime(2020, 1, 12, 19, 0, 0, DateTimeKind.Utc), item.DateAdded);
        Assert.Equal(DateTimeKind.Utc, item.DateAdded.Kind);
        Assert.Equal(("https://img.example/1-150.jpg", "https://img.example/1.jpg"), (item.Thumb, item.CoverImage));
        Assert.True(item.HasDetails);
        Assert.False((await Page(new CollectionQuery { Q = "tape" })).Items.Single().HasDetails);
    }
}
