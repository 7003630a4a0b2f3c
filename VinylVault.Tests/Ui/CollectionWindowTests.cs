using VinylVault.Core.Collection;
using VinylVault.Ui.Collection;

namespace VinylVault.Tests.Ui;

public sealed class CollectionWindowTests
{
    [Fact]
    public async Task Any_slice_is_read_from_whole_pages_and_each_page_only_once()
    {
        var asked = new List<int>();
        var window = new CollectionWindow(new CollectionQuery { Genre = "Jazz", Page = 7 }, (query, _) =>
        {
            asked.Add(query.Page);
            Assert.Equal(("Jazz", CollectionWindow.PageSize), (query.Genre, query.PageSize));
            return Task.FromResult(Page(query.Page, total: 300));
        });

        var first = await window.GetAsync(110, 20, CancellationToken.None);
        var again = await window.GetAsync(0, 10, CancellationToken.None);
        var tail = await window.GetAsync(290, 50, CancellationToken.None);

        Assert.Equal(Enumerable.Range(110, 20), first.Select(i => (int)i.InstanceId));
        Assert.Equal(Enumerable.Range(0, 10), again.Select(i => (int)i.InstanceId));
        Assert.Equal(Enumerable.Range(290, 10), tail.Select(i => (int)i.InstanceId));
        Assert.Equal([1, 2, 3], asked);
        Assert.Equal(300, window.Total);
        Assert.Empty(await window.GetAsync(300, 10, CancellationToken.None));
    }

    private static CollectionPageResult Page(int page, int total)
    {
        var start = (page - 1) * CollectionWindow.PageSize;
        var items = Enumerable.Range(start, Math.Max(0, Math.Min(CollectionWindow.PageSize, total - start)))
            .Select(i => new CollectionItemView(i, i, $"t{i}", "a", null, [], [], [], [], 0, 1, DateTime.UnixEpoch, null, null, false))
            .ToList();
        return new CollectionPageResult(items, page, CollectionWindow.PageSize, total);
    }
}
