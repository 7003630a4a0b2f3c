using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Ui.OwnerSignIn;

namespace VinylVault.Tests.Ui;

public sealed class SetupFormTests
{
    [Fact]
    public async Task The_form_posts_what_the_set_up_endpoint_reads_with_an_antiforgery_token()
    {
        await using var ctx = Context();

        var form = ctx.Render<SetupForm>().Find("form");

        Assert.Equal(("post", "/auth/setup"), (form.GetAttribute("method"), form.GetAttribute("action")));
        var names = form.QuerySelectorAll("input").Select(i => i.GetAttribute("name")).ToList();
        Assert.Equal(["__RequestVerificationToken", "return_url", "user_name", "password", "confirm_password"], names);
        Assert.Equal("test-token", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        Assert.Equal("/welcome", form.QuerySelector("input[name=return_url]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_browser_refuses_an_empty_name_a_long_name_and_a_short_password_before_posting()
    {
        await using var ctx = Context();

        var form = ctx.Render<SetupForm>();

        var user = form.Find("#setup-username");
        Assert.True(user.HasAttribute("required"));
        Assert.Equal("64", user.GetAttribute("maxlength"));
        foreach (var id in new[] { "#setup-password", "#setup-confirm" })
        {
            var password = form.Find(id);
            Assert.Equal("password", password.GetAttribute("type"));
            Assert.True(password.HasAttribute("required"));
            Assert.Equal(("8", "256"), (password.GetAttribute("minlength"), password.GetAttribute("maxlength")));
        }
    }

    [Theory]
    [InlineData("weak_password", "#setup-password", "A password has 8 to 256 characters.")]
    [InlineData("password_mismatch", "#setup-confirm", "The two passwords are not the same.")]
    [InlineData("invalid_user_name", "#setup-username", "Choose a user name of at most 64 characters, without control characters.")]
    public async Task A_refusal_is_shown_under_the_field_it_concerns(string code, string field, string message)
    {
        await using var ctx = Context();

        var form = ctx.Render<SetupForm>(p => p.Add(f => f.ErrorCode, code));

        var input = form.Find(field);
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("invalid", input.ClassName);
        Assert.Equal(message, form.Find($"#{input.Id}-help").TextContent);
        Assert.Single(form.FindAll(".vv-field-error"));
        Assert.Empty(form.FindAll("[data-test=setup-error]"));
    }

    [Fact]
    public async Task A_refusal_about_the_whole_form_is_shown_above_the_button()
    {
        await using var ctx = Context();

        var form = ctx.Render<SetupForm>(p => p.Add(f => f.ErrorCode, "owner_exists"));

        Assert.Equal("This vault has an owner already: sign in instead.", form.Find("[data-test=setup-error]").TextContent.Trim());
        Assert.Empty(form.FindAll(".vv-field-error"));
        Assert.All(form.FindAll("input[aria-invalid]"), i => Assert.Equal("false", i.GetAttribute("aria-invalid")));
    }

    [Fact]
    public async Task Sign_in_sends_people_back_only_to_pages_of_this_site()
    {
        await using var ctx = Context();

        string ReturnUrl(string? asked) => ctx.Render<SignInForm>(p => p.Add(f => f.ReturnUrl, asked))
            .Find("input[name=return_url]").GetAttribute("value")!;

        Assert.Equal("/collection?genre=Jazz", ReturnUrl("/collection?genre=Jazz"));
        Assert.Equal("/", ReturnUrl("https://evil.example/"));
        Assert.Equal("/", ReturnUrl("//evil.example/"));
        Assert.Equal("/", ReturnUrl(null));
    }

    private static BunitContext Context()
    {
        var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        return ctx;
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
