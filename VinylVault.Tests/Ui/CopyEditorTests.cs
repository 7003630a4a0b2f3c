using Bunit;
using MudBlazor;
using VinylVault.Core.Collection;
using VinylVault.Core.Outbox;
using VinylVault.Ui.Editing;

namespace VinylVault.Tests.Ui;

public sealed class CopyEditorTests
{
    private static readonly EditChoices Choices = new(
        [new FolderView(0, "All", 3, false), new FolderView(1, "Uncategorized", 2, false), new FolderView(4, "Jazz shelf", 1, false)],
        [
            new CustomField { Id = 1, Name = "Media Condition", Type = "dropdown", Position = 1, Options = ["Mint (M)", "Very Good Plus (VG+)"] },
            new CustomField { Id = 2, Name = "Sleeve Condition", Type = "dropdown", Position = 2, Options = ["Generic", "Very Good (VG)"] },
            new CustomField { Id = 3, Name = "Notes", Type = "textarea", Position = 3 },
        ]);

    private static readonly InstanceView Copy = new(9001, 1, "Uncategorized", 2, new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc),
        new Dictionary<string, string> { ["Media Condition"] = "Very Good Plus (VG+)", ["Notes"] = "gatefold" });

    [Fact]
    public async Task Clicking_a_star_rates_the_copy_and_a_pending_copy_is_marked()
    {
        await using var ctx = MudTestContext.Create();
        var edits = new List<CopyChange>();

        var editor = Render(ctx, Copy with { Pending = true }, edits);
        editor.FindAll(".mud-rating-item")[3].Click();

        var edit = Assert.Single(edits);
        Assert.Equal(new CopyChange(9001, new CopyEdit(Rating: 4)), edit);
        Assert.Equal("pending", editor.Find("[data-test=pending]").TextContent.Trim());
        Assert.Empty(Render(ctx, Copy, []).FindAll("[data-test=pending]"));
    }

    [Fact]
    public async Task The_folder_and_condition_choices_are_Discogs_options_and_choosing_one_edits_the_copy()
    {
        await using var ctx = MudTestContext.Create();
        var edits = new List<CopyChange>();
        var editor = Render(ctx, Copy, edits);

        var folder = editor.FindComponent<MudSelect<int>>();
        Assert.Contains("Uncategorized", folder.Find("input").GetAttribute("value"));
        await editor.InvokeAsync(() => folder.Instance.ValueChanged.InvokeAsync(4));
        var conditions = editor.FindComponents<MudSelect<string>>();
        Assert.Equal(["Media Condition", "Sleeve Condition"], conditions.Select(c => c.Instance.Label));
        Assert.Equal("Very Good Plus (VG+)", conditions[0].Find("input").GetAttribute("value"));
        await editor.InvokeAsync(() => conditions[1].Instance.ValueChanged.InvokeAsync("Generic"));

        Assert.Equal(4, edits[0].Edit.FolderId);
        Assert.Equal("Generic", edits[1].Edit.Fields!["Sleeve Condition"]);
        Assert.Equal(["Uncategorized", "Jazz shelf"], Choices.Placeable.Select(f => f.Name));
    }

    [Fact]
    public async Task Notes_are_saved_when_asked_and_removal_is_confirmed_by_name()
    {
        await using var ctx = MudTestContext.Create();
        var edits = new List<CopyChange>();
        var removed = new List<long>();
        var editor = ctx.Render<CopyEditor>(p => p.Add(e => e.Copy, Copy).Add(e => e.Choices, Choices).Add(e => e.Title, "Kruder & Dorfmeister – The K&D Sessions")
            .Add(e => e.OnEdit, (CopyChange c) => edits.Add(c)).Add(e => e.OnRemove, (long id) => removed.Add(id)));

        Assert.True(editor.Find("[data-test=copy-notes-save]").HasAttribute("disabled"));
        editor.Find("textarea").Change("gatefold, signed");
        editor.Find("[data-test=copy-notes-save]").Click();
        Assert.Equal("gatefold, signed", Assert.Single(edits).Edit.Fields!["Notes"]);

        editor.Find("[data-test=remove]").Click();
        Assert.Empty(removed);
        Assert.Contains("Kruder & Dorfmeister – The K&D Sessions", editor.Find("[data-test=remove-confirm]").TextContent);
        Assert.Contains("1 May 2024", editor.Find("[data-test=remove-confirm]").TextContent);
        editor.Find("[data-test=remove-yes]").Click();
        Assert.Equal([9001L], removed);
    }

    private static IRenderedComponent<CopyEditor> Render(BunitContext ctx, InstanceView copy, List<CopyChange> edits) =>
        ctx.Render<CopyEditor>(p => p.Add(e => e.Copy, copy).Add(e => e.Choices, Choices).Add(e => e.OnEdit, (CopyChange c) => edits.Add(c)));
}
