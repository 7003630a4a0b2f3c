using Bunit;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Outbox;
using VinylVault.Ui.Editing;

namespace VinylVault.Tests.Ui;

/// <summary>The Sync page's list of changes Discogs refused, on the real outbox: the reason, Retry, and Discard that puts the local change back.</summary>
public sealed class OutboxFailuresTests
{
    [Fact]
    public async Task A_refused_change_shows_Discogs_reason_and_discard_reverts_it()
    {
        await using var services = await EditingServices.StartAsync((4, "Jazz shelf"));
        await services.OwnAsync(249504, copies: 1);
        await RefusedMoveAsync(services, "Folder not found.");
        await using var ctx = MudTestContext.Create();
        services.AddTo(ctx);

        var list = ctx.Render<OutboxFailures>();

        var failed = list.Find("[data-test=failed-entry]");
        Assert.Contains("Move to another folder (instance:2495041): Folder not found.", failed.TextContent);
        failed.QuerySelector("[data-test=discard]")!.Click();
        list.WaitForAssertion(() => Assert.Empty(list.FindAll("[data-test=failed-entry]")));
        await using var db = services.Database.CreateContext();
        Assert.Equal(1, (await db.Instances.SingleAsync()).FolderId);
        Assert.Empty(await db.Outbox.ToListAsync());
    }

    [Fact]
    public async Task Retry_puts_a_refused_change_back_in_line()
    {
        await using var services = await EditingServices.StartAsync((4, "Jazz shelf"));
        await services.OwnAsync(249504, copies: 1);
        await RefusedMoveAsync(services, "Folder not found.");
        await using var ctx = MudTestContext.Create();
        services.AddTo(ctx);
        var list = ctx.Render<OutboxFailures>();

        list.Find("[data-test=retry]").Click();

        list.WaitForAssertion(() => Assert.Empty(list.FindAll("[data-test=failed-entry]")));
        Assert.Equal("1 change(s) waiting to be sent to Discogs.", list.Find("[data-test=outbox-waiting]").TextContent.Trim());
        await using var db = services.Database.CreateContext();
        Assert.Equal((OutboxState.Pending, 4), ((await db.Outbox.SingleAsync()).State, (await db.Instances.SingleAsync()).FolderId));
    }

    /// <summary>A move made here that Discogs then refused (the sender records it so).</summary>
    private static async Task RefusedMoveAsync(EditingServices services, string reason)
    {
        Assert.Equal(EditStatus.Done, (await services.Editor.UpdateAsync(2495041, new CopyEdit(FolderId: 4), CancellationToken.None)).Status);
        await using var db = services.Database.CreateContext();
        await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(e => e.State, OutboxState.Failed).SetProperty(e => e.Error, reason));
    }
}
