using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Outbox;
using VinylVault.Ui.Collection;
using VinylVault.Ui.Editing;

namespace VinylVault.Tests.Ui;

/// <summary>The collection table rates a copy inline: a click on a row's stars is an edit of that copy, marked pending at once.</summary>
public sealed class CollectionTableRatingTests
{
    [Fact]
    public async Task Clicking_a_rows_star_rates_that_copy_and_marks_it_pending_without_opening_the_release()
    {
        await using var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton(new CoverUrls());
        var items = new[] { Item(7001, rating: 0, pending: false), Item(7002, rating: 3, pending: true) };
        var window = new CollectionWindow(new CollectionQuery(), (q, _) => Task.FromResult(new CollectionPageResult(items, q.Page, q.PageSize, items.Length)));
        var edits = new List<CopyChange>();

        var table = ctx.Render<CollectionTable>(p => p.Add(t => t.Window, window).Add(t => t.OnRate, (CopyChange c) => edits.Add(c)));
        table.WaitForAssertion(() => Assert.Equal(2, table.FindAll("[data-test=collection-row]").Count));
        var rows = table.FindAll("[data-test=collection-row]");
        Assert.Null(rows[0].QuerySelector("[data-test=pending]"));
        Assert.NotNull(rows[1].QuerySelector("[data-test=pending]"));

        table.FindAll("[data-test=collection-row]")[0].QuerySelectorAll(".mud-rating-item")[3].Click();

        Assert.Equal(new CopyChange(7001, new CopyEdit(Rating: 4)), Assert.Single(edits));
        Assert.NotNull(table.FindAll("[data-test=collection-row]")[0].QuerySelector("[data-test=pending]"));
        Assert.EndsWith("/", ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    private static CollectionItemView Item(long instanceId, int rating, bool pending) =>
        new(instanceId, instanceId / 10, $"Title {instanceId}", "Artist", 1998, ["Electronic"], [], ["Vinyl"], ["Label"],
            rating, 1, new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), null, null, true, pending);
}
