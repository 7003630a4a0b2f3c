using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Outbox;
using VinylVault.Core.Wantlist;
using VinylVault.Tests.Collection;
using VinylVault.Ui.Collection;

namespace VinylVault.Tests.Ui;

/// <summary>The Wantlist page on a real database: marks what is owned, keeps its view in the address, edits and removes wants locally.</summary>
public sealed class WantlistPageTests
{
    [Fact]
    public async Task Owned_wants_are_marked_and_an_edit_or_removal_is_local_at_once_and_queued_for_Discogs()
    {
        await using var ctx = MudTestContext.Create();
        var db = await ctx.AddWantlistAsync();
        await SeedAsync(db);

        var page = Open(ctx, "wantlist?sort=artist&order=asc");

        var cards = page.FindAll("[data-test=want-card]");
        Assert.Equal(["101", "102", "103"], cards.Select(c => c.GetAttribute("data-release")));
        Assert.Equal(["101"], page.FindAll("[data-test=in-collection]").Select(c => c.Closest("[data-test=want-card]")!.GetAttribute("data-release")));
        Assert.Contains("3 wants", page.Find("[data-test=wantlist-total]").TextContent, StringComparison.Ordinal);

        page.FindAll("[data-test=want-edit]")[1].Click();
        page.Find("[data-test=want-editor] textarea").Input("Only the Japanese pressing");
        page.FindAll("[data-test=want-editor-rating] .mud-rating-item")[3].Click();
        page.Find("[data-test=want-editor-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Only the Japanese pressing", page.Find("[data-release='102'] [data-test=want-notes]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(page.Find("[data-release='102'] [data-test=pending]"));
        page.FindAll("[data-test=want-remove]")[2].Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-test=want-card]").Count));

        await using var read = await db.Contexts.CreateDbContextAsync();
        var edited = await read.Wants.SingleAsync(w => w.ReleaseId == 102);
        Assert.Equal(("Only the Japanese pressing", 4), (edited.Notes, edited.Rating));
        Assert.False(await read.Wants.AnyAsync(w => w.ReleaseId == 103));
        Assert.Equal([OutboxKind.WantEdit, OutboxKind.WantRemove], await read.Outbox.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
    }

    [Fact]
    public async Task The_table_view_and_the_search_come_from_the_address()
    {
        await using var ctx = MudTestContext.Create();
        await SeedAsync(await ctx.AddWantlistAsync());

        var page = Open(ctx, "wantlist?q=bjork&view=table");

        Assert.Empty(page.FindAll("[data-test=want-card]"));
        var row = Assert.Single(page.FindAll("[data-test=want-row]"));
        Assert.Equal("102", row.GetAttribute("data-release"));
        Assert.Contains("Homogenic", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_wants_not_owned_yet_come_from_the_address_and_the_filters_round_trip_through_it()
    {
        await using var ctx = MudTestContext.Create();
        await SeedAsync(await ctx.AddWantlistAsync());

        var page = Open(ctx, "wantlist?in_collection=false&sort=artist&order=asc");

        Assert.Equal(["102", "103"], page.FindAll("[data-test=want-card]").Select(c => c.GetAttribute("data-release")));
        Assert.Empty(page.FindAll("[data-test=in-collection]"));
        var query = VinylVault.Ui.Wantlist.WantlistUrl.Parse("http://localhost/wantlist?in_collection=true&rating=4").Query;
        Assert.Equal((true, 4), (query.InCollection, query.Rating));
        Assert.Equal("/wantlist?in_collection=true&rating=4", VinylVault.Ui.Wantlist.WantlistUrl.Build(query, "grid"));
    }

    [Fact]
    public async Task Format_and_years_filter_as_in_the_collection_from_the_address_and_a_year_typed_in_goes_into_it()
    {
        await using var ctx = MudTestContext.Create();
        var db = await ctx.AddWantlistAsync();
        await SeedAsync(db);
        await using (var context = await db.Contexts.CreateDbContextAsync())
        {
            var dummy = await context.Wants.SingleAsync(w => w.ReleaseId == 103);
            (dummy.Year, dummy.Formats) = (1994, ["CD", "Album"]);
            await context.SaveChangesAsync();
        }

        Assert.Equal(["Album", "CD", "LP", "Vinyl"], await new WantlistQueries(db.Contexts).FormatsAsync(CancellationToken.None));
        var page = Open(ctx, "wantlist?format=cd&sort=artist&order=asc");
        Assert.Equal(["103"], Shown(page));

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("wantlist?year_from=1995&sort=artist&order=asc");
        page.WaitForAssertion(() => Assert.Equal(["101", "102"], Shown(page)));

        var field = page.Find("[data-test=wantlist-year-to]");
        (field.TagName == "INPUT" ? field : field.QuerySelector("input")!).Change("1996");
        page.WaitForAssertion(() => Assert.EndsWith("/wantlist?year_from=1995&year_to=1996&sort=artist&order=asc", navigation.Uri, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("No wants match", page.Find("[data-test=wantlist-empty]").TextContent, StringComparison.Ordinal));

        var query = VinylVault.Ui.Wantlist.WantlistUrl.Parse("http://localhost/wantlist?format=7%22&year_from=nineteen&year_to=1969").Query;
        Assert.Equal(("7\"", (int?)null, (int?)1969), (query.Format, query.YearFrom, query.YearTo));
        Assert.Equal("/wantlist?format=7%22&year_to=1969", VinylVault.Ui.Wantlist.WantlistUrl.Build(query, "grid"));
    }

    private static List<string?> Shown(IRenderedComponent<VinylVault.Ui.Pages.Wantlist> page) =>
        [.. page.FindAll("[data-test=want-card]").Select(c => c.GetAttribute("data-release"))];

    private static IRenderedComponent<VinylVault.Ui.Pages.Wantlist> Open(BunitContext ctx, string address)
    {
        ctx.Services.AddSingleton(new CoverUrls());
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = ctx.Render<VinylVault.Ui.Pages.Wantlist>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=want-card], [data-test=want-row], [data-test=wantlist-empty]")));
        return page;
    }

    private static async Task SeedAsync(TestDatabase db)
    {
        await using var context = await db.Contexts.CreateDbContextAsync();
        context.Releases.Add(new Release { Id = 101, Title = "Mezzanine", ArtistDisplay = "Massive Attack", TitleSort = "mezzanine", ArtistSort = "massive attack" });
        context.Instances.Add(new CollectionInstance { InstanceId = 5001, ReleaseId = 101, FolderId = 1, DateAdded = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        context.Wants.AddRange(
            Want(101, "Mezzanine", "Massive Attack", "a"),
            Want(102, "Homogenic", "Björk", "b"),
            Want(103, "Dummy", "Portishead", "c"));
        await context.SaveChangesAsync();
    }

    // Artist sort keys chosen so that sort=artist lists 101, 102, 103.
    private static WantedRelease Want(long id, string title, string artist, string sortKey) => new()
    {
        ReleaseId = id, Title = title, ArtistDisplay = artist, ArtistSort = sortKey, TitleSort = TextFold.Fold(title),
        SearchText = TextFold.Fold($"{title} | {artist}"), Year = 1997, Formats = ["Vinyl", "LP"], DateAdded = new DateTime(2024, 1, (int)(id - 100), 0, 0, 0, DateTimeKind.Utc),
    };
}
