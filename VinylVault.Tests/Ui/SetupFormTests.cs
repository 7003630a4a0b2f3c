using Bunit;
using VinylVault.Ui.Account;

namespace VinylVault.Tests.Ui;

public sealed class SetupFormTests
{
    [Fact]
    public async Task An_empty_form_is_not_submitted_and_says_what_is_missing()
    {
        await using var ctx = MudTestContext.Create();
        var submitted = false;
        var form = ctx.Render<SetupForm>(p => p.Add(f => f.OnSubmit, (SetupModel _) => submitted = true));

        form.Find("form").Submit();

        Assert.False(submitted);
        Assert.Equal(
            ["Choose a user name.", "Choose a password.", "Type the password again."],
            form.FindAll(".vv-field-error").Select(e => e.TextContent));
    }

    [Fact]
    public async Task A_short_password_and_a_different_repetition_are_refused()
    {
        await using var ctx = MudTestContext.Create();
        var submitted = false;
        var form = ctx.Render<SetupForm>(p => p.Add(f => f.OnSubmit, (SetupModel _) => submitted = true));

        form.Find("#setup-username").Change("alice");
        form.Find("#setup-password").Change("short");
        form.Find("#setup-confirm").Change("shorter");
        form.Find("form").Submit();

        Assert.False(submitted);
        Assert.Equal(
            ["A password has 8 to 256 characters.", "The two passwords are not the same."],
            form.FindAll(".vv-field-error").Select(e => e.TextContent));
        Assert.Contains("invalid", form.Find("#setup-password").ClassName);
    }

    [Fact]
    public async Task A_user_name_of_spaces_is_not_a_user_name()
    {
        await using var ctx = MudTestContext.Create();
        var form = ctx.Render<SetupForm>();

        form.Find("#setup-username").Change("   ");
        form.Find("form").Submit();

        Assert.Contains("Choose a user name.", form.FindAll(".vv-field-error").Select(e => e.TextContent));
    }

    [Fact]
    public async Task A_valid_form_is_handed_to_the_page()
    {
        await using var ctx = MudTestContext.Create();
        SetupModel? submitted = null;
        var form = ctx.Render<SetupForm>(p => p.Add(f => f.OnSubmit, (SetupModel m) => submitted = m));

        form.Find("#setup-username").Change("alice");
        form.Find("#setup-password").Change("correct horse battery");
        form.Find("#setup-confirm").Change("correct horse battery");
        form.Find("form").Submit();

        Assert.NotNull(submitted);
        Assert.Equal(("alice", "correct horse battery"), (submitted.UserName, submitted.Password));
        Assert.Empty(form.FindAll(".vv-field-error"));
    }

    [Fact]
    public async Task What_the_server_refused_is_shown_above_the_button()
    {
        await using var ctx = MudTestContext.Create();

        var form = ctx.Render<SetupForm>(p => p.Add(f => f.Error, "An owner account exists already: sign in instead."));

        Assert.Equal("An owner account exists already: sign in instead.", form.Find("[data-test=setup-error]").TextContent.Trim());
    }
}
