using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;
using VinylVault.Ui.Collection;
using VinylVault.Ui.Editing;

namespace VinylVault.Tests.Ui;

/// <summary>A Discogs search result against the real local collection: owned ones say so, the others can be added to a chosen folder, offline too.</summary>
public sealed class AddToCollectionTests
{
    private static readonly SearchResult KandD = new()
    {
        Id = 249504, Title = "Kruder & Dorfmeister - The K&D Sessions", Year = 1998, Format = ["Vinyl"], Thumb = "https://i.discogs.com/kd-150.jpg",
    };

    [Fact]
    public async Task An_owned_release_says_in_your_collection_with_its_copies_and_offers_no_add()
    {
        await using var services = await EditingServices.StartAsync();
        await services.OwnAsync(249504, copies: 2);
        await services.OwnAsync(1, copies: 1);
        await using var ctx = Context(services);

        var twice = ctx.Render<AddToCollection>(p => p.Add(c => c.ReleaseId, KandD.Id).Add(c => c.Hint, SearchText.Hint(KandD)));
        var once = ctx.Render<AddToCollection>(p => p.Add(c => c.ReleaseId, 1L).Add(c => c.Hint, new ReleaseHint("Stockholm", "The Persuader", null, null)));

        var owned = twice.Find("[data-test=in-collection]");
        Assert.Equal("In your collection (2 copies)", owned.TextContent.Trim());
        Assert.Equal("/releases/249504", owned.GetAttribute("href"));
        Assert.Equal("In your collection", once.Find("[data-test=in-collection]").TextContent.Trim());
        Assert.Empty(twice.FindAll("[data-test=add-to-collection]"));
        Assert.Empty(twice.FindAll("[data-test=pending]"));
    }

    [Fact]
    public async Task Adding_to_a_chosen_folder_lists_the_copy_at_once_marked_pending_and_queues_it_for_Discogs()
    {
        await using var services = await EditingServices.StartAsync((4, "Jazz shelf"));
        await using var ctx = Context(services);
        var action = ctx.Render<AddToCollection>(p => p.Add(c => c.ReleaseId, KandD.Id).Add(c => c.Hint, SearchText.Hint(KandD)));
        Assert.Empty(action.FindAll("[data-test=in-collection]"));

        action.Find("[data-test=add-to-collection]").Click();
        var folder = action.FindComponent<MudSelect<int>>();
        Assert.Equal("Uncategorized", folder.Find("input").GetAttribute("value"));
        Assert.Equal([1, 4], folder.FindComponents<MudSelectItem<int>>().Select(i => i.Instance.Value)); // never 0, "All"
        await action.InvokeAsync(() => folder.Instance.ValueChanged.InvokeAsync(4));
        action.Find("[data-test=add-confirm]").Click();

        action.WaitForAssertion(() => Assert.Equal("In your collection", action.Find("[data-test=in-collection]").TextContent.Trim()));
        Assert.Equal("pending", action.Find("[data-test=pending]").TextContent.Trim());
        await using var db = services.Database.CreateContext();
        var copy = await db.Instances.Include(i => i.Release).SingleAsync();
        Assert.Equal((249504L, 4), (copy.ReleaseId, copy.FolderId));
        Assert.True(copy.InstanceId < 0, "listed under a local id until Discogs answers");
        Assert.Equal(("The K&D Sessions", "Kruder & Dorfmeister", 1998), (copy.Release.Title, copy.Release.ArtistDisplay, copy.Release.Year));
        var entry = await db.Outbox.SingleAsync();
        Assert.Equal((OutboxKind.Add, OutboxState.Pending, 4), (entry.Kind, entry.State, entry.ToFolderId));
    }

    [Fact]
    public async Task Offline_the_add_waits_pending_and_the_page_says_it_will_be_sent_when_Discogs_is_reachable()
    {
        await using var services = await EditingServices.OfflineAsync();
        await using var ctx = Context(services);
        var notice = ctx.Render<PendingNotice>();
        var action = ctx.Render<AddToCollection>(p => p.Add(c => c.ReleaseId, KandD.Id).Add(c => c.Hint, SearchText.Hint(KandD)));
        Assert.Empty(notice.FindAll("[data-test=offline-notice]"));

        action.Find("[data-test=add-to-collection]").Click();
        action.Find("[data-test=add-confirm]").Click();

        action.WaitForAssertion(() => Assert.Equal("pending", action.Find("[data-test=pending]").TextContent.Trim()));
        notice.WaitForAssertion(() => Assert.Contains("will be sent when Discogs is reachable", notice.Find("[data-test=offline-notice]").TextContent),
            TimeSpan.FromSeconds(20));
        await using var db = services.Database.CreateContext();
        var entry = await db.Outbox.SingleAsync();
        Assert.Equal(OutboxKind.Add, entry.Kind);
        Assert.NotEqual(OutboxState.Sent, entry.State);
        Assert.Equal(1, (await db.Instances.SingleAsync()).FolderId);
    }

    [Fact]
    public async Task An_add_the_collection_refuses_says_why_and_adds_nothing()
    {
        await using var services = await EditingServices.StartAsync((4, "Jazz shelf"));
        await using var ctx = Context(services);
        var action = ctx.Render<AddToCollection>(p => p.Add(c => c.ReleaseId, KandD.Id).Add(c => c.Hint, SearchText.Hint(KandD)));
        action.Find("[data-test=add-to-collection]").Click();
        await using (var db = services.Database.CreateContext())
        {
            // The folder went (deleted in another tab) while the choice was open.
            await db.Folders.Where(f => f.Id == 4).ExecuteDeleteAsync();
        }

        await action.InvokeAsync(() => action.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(4));
        action.Find("[data-test=add-confirm]").Click();

        action.WaitForAssertion(() => Assert.Contains("There is no folder 4", action.Find("[data-test=add-problem]").TextContent));
        Assert.Empty(action.FindAll("[data-test=in-collection]"));
        await using var check = services.Database.CreateContext();
        Assert.Empty(await check.Outbox.ToListAsync());
    }

    private static BunitContext Context(EditingServices services)
    {
        var ctx = MudTestContext.Create();
        services.AddTo(ctx);
        return ctx;
    }
}
