using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Simulator;

/// <summary>Collection, wantlist and search pages walk every item once, with Discogs' pagination block.</summary>
public sealed class SimulatorPaginationTests
{
    private static Task<SimulatorServer> StartAsync(int size = 1_000) =>
        SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (size, 100_000));

    [Fact]
    public async Task Walking_folder_0_at_100_per_page_yields_every_copy_exactly_once()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        var pages = await client.WalkCollectionAsync("demo");

        Assert.Equal(10, pages.Count);
        Assert.All(pages, p => Assert.Equal((1_000, 10, 100), (p.Pagination.Items, p.Pagination.Pages, p.Pagination.PerPage)));
        Assert.Equal(Enumerable.Range(1, 10), pages.Select(p => p.Pagination.Page));
        var instances = pages.SelectMany(p => p.Releases).Select(r => r.InstanceId).ToList();
        Assert.Equal(1_000, instances.Count);
        Assert.Equal(instances.Count, instances.Distinct().Count());
        Assert.Equal(server.Simulator.Collection.Items.Select(i => i.InstanceId).Order(), instances.Order());
    }

    [Fact]
    public async Task Pagination_urls_point_to_the_neighbouring_pages()
    {
        await using var server = await StartAsync(250);
        using var client = server.CreateClient();
        var path = $"{server.BaseUrl}/users/demo/collection/folders/0/releases";

        var first = await client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases?page=1&per_page=100");
        var middle = await client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases?page=2&per_page=100");
        var last = await client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases?page=3&per_page=100");

        Assert.Equal(new DiscogsPaginationUrls(null, null, $"{path}?page=2&per_page=100", $"{path}?page=3&per_page=100"), first.Pagination.Urls);
        Assert.Equal(new DiscogsPaginationUrls($"{path}?page=1&per_page=100", $"{path}?page=1&per_page=100", $"{path}?page=3&per_page=100", $"{path}?page=3&per_page=100"), middle.Pagination.Urls);
        Assert.Equal(new DiscogsPaginationUrls($"{path}?page=1&per_page=100", $"{path}?page=2&per_page=100", null, null), last.Pagination.Urls);
        Assert.Equal(50, last.Releases.Count);
        var next = await client.GetDiscogsAsync<CollectionPage>(first.Pagination.Urls!.Next!);
        Assert.Equal(middle.Releases.Select(r => r.InstanceId), next.Releases.Select(r => r.InstanceId));
    }

    [Fact]
    public async Task Per_page_defaults_to_50_and_is_capped_at_100()
    {
        await using var server = await StartAsync(250);
        using var client = server.CreateClient();

        var byDefault = await client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases");
        var asked500 = await client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases?per_page=500");

        Assert.Equal((50, 5, 50), (byDefault.Pagination.PerPage, byDefault.Pagination.Pages, byDefault.Releases.Count));
        Assert.Equal((100, 3, 100), (asked500.Pagination.PerPage, asked500.Pagination.Pages, asked500.Releases.Count));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty()
    {
        await using var server = await StartAsync(120);
        using var client = server.CreateClient();

        var beyond = await client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases?page=3&per_page=100");

        Assert.Empty(beyond.Releases);
        Assert.Equal((3, 2, 120), (beyond.Pagination.Page, beyond.Pagination.Pages, beyond.Pagination.Items));
    }

    [Fact]
    public async Task Each_folder_walks_to_its_own_count()
    {
        await using var server = await StartAsync(400);
        using var client = server.CreateClient();
        var folders = (await client.GetDiscogsAsync<FolderList>("users/demo/collection/folders")).Folders;

        foreach (var folder in folders)
        {
            var items = await client.CollectionItemsAsync("demo", folder.Id);
            Assert.Equal(folder.Count, items.Count);
            Assert.All(items, i => Assert.True(folder.Id == 0 || i.FolderId == folder.Id));
        }
    }

    [Fact]
    public async Task Unknown_folder_is_not_found()
    {
        await using var server = await StartAsync(10);
        using var client = server.CreateClient();

        using var response = await client.GetAsync("users/demo/collection/folders/99/releases");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sorting_by_date_added_descending_and_by_year_ascending_orders_the_whole_walk()
    {
        await using var server = await StartAsync(300);
        using var client = server.CreateClient();

        var newest = await client.CollectionItemsAsync("demo", query: "&sort=added&sort_order=desc");
        var byYear = await client.CollectionItemsAsync("demo", query: "&sort=year&sort_order=asc");

        Assert.Equal(newest.OrderByDescending(i => i.DateAdded).ThenBy(i => i.InstanceId).Select(i => i.InstanceId), newest.Select(i => i.InstanceId));
        Assert.Equal(byYear.Select(i => i.BasicInformation.Year).Order(), byYear.Select(i => i.BasicInformation.Year));
        Assert.Equal(300, byYear.Select(i => i.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task With_short_pages_the_listing_has_more_pages_and_walking_them_still_yields_every_copy()
    {
        await using var server = await StartAsync(1_000);
        server.Simulator.Faults.ShortPageRate = 0.5;
        using var client = server.CreateClient();

        var pages = await client.WalkCollectionAsync("demo");

        Assert.True(pages.Count > 10, $"{pages.Count} pages");
        Assert.Contains(pages.SkipLast(1), p => p.Releases.Count < 100);
        Assert.All(pages, p => Assert.Equal(1_000, p.Pagination.Items));
        var instances = pages.SelectMany(p => p.Releases).Select(r => r.InstanceId).ToList();
        Assert.Equal(1_000, instances.Distinct().Count());
        Assert.Equal(1_000, instances.Count);
    }

    [Fact]
    public async Task Wantlist_walks_every_want_once()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.WantlistSize, o.RateLimit) = (100, 130, 1_000));
        using var client = server.CreateClient();

        var first = await client.GetDiscogsAsync<WantlistPage>("users/demo/wants?page=1&per_page=100");
        var second = await client.GetDiscogsAsync<WantlistPage>("users/demo/wants?page=2&per_page=100");

        Assert.Equal((130, 2), (first.Pagination.Items, first.Pagination.Pages));
        Assert.Equal(130, first.Wants.Concat(second.Wants).Select(w => w.Id).Distinct().Count());
    }

    [Fact]
    public async Task Search_pages_walk_every_hit_once()
    {
        await using var server = await StartAsync(200);
        using var client = server.CreateClient();

        var first = await client.GetDiscogsAsync<SearchResults>("database/search?q=&type=release&per_page=100");
        var ids = new List<long>(first.Results.Select(r => r.Id));
        for (var page = 2; page <= first.Pagination.Pages; page++)
        {
            ids.AddRange((await client.GetDiscogsAsync<SearchResults>($"database/search?q=&type=release&per_page=100&page={page}")).Results.Select(r => r.Id));
        }

        Assert.Equal(first.Pagination.Items, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count > 200); // the database holds more than the collection: wants and search-only releases
    }
}
