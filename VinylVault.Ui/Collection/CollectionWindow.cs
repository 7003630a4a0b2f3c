using VinylVault.Core.Collection;

namespace VinylVault.Ui.Collection;

/// <summary>
/// Any slice of one query's results for a virtualized list, read in fixed pages and kept while the query stands, so
/// scrolling back and forth through 10,000 records asks the database only for pages not seen yet.
/// </summary>
public sealed class CollectionWindow(CollectionQuery query, Func<CollectionQuery, CancellationToken, Task<CollectionPageResult>> fetch)
{
    // Divisible by every column count the grid uses (2, 3, 4, 5, 6, 8), so rows never straddle a page edge badly.
    public const int PageSize = 120;

    private readonly Dictionary<int, IReadOnlyList<CollectionItemView>> _pages = [];

    public CollectionQuery Query { get; } = query with { Page = 1, PageSize = PageSize };

    /// <summary>Matching records, known after the first read.</summary>
    public int? Total { get; private set; }

    public async Task<IReadOnlyList<CollectionItemView>> GetAsync(int start, int count, CancellationToken cancellationToken)
    {
        if (count <= 0 || start < 0 || (Total is { } total && start >= total))
        {
            return [];
        }

        var items = new List<CollectionItemView>(count);
        for (var page = start / PageSize + 1; items.Count < count; page++)
        {
            var rows = await PageAsync(page, cancellationToken);
            var skip = page == start / PageSize + 1 ? start % PageSize : 0;
            items.AddRange(rows.Skip(skip).Take(count - items.Count));
            if (rows.Count < PageSize)
            {
                break;
            }
        }

        return items;
    }

    private async Task<IReadOnlyList<CollectionItemView>> PageAsync(int page, CancellationToken cancellationToken)
    {
        if (_pages.TryGetValue(page, out var cached))
        {
            return cached;
        }

        var result = await fetch(Query with { Page = page }, cancellationToken);
        Total = result.Total;
        _pages[page] = result.Items;
        return result.Items;
    }
}
