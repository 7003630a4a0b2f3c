using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

public sealed record AuthStatus(bool OwnerExists, bool Authenticated, string? UserName, string? Method);

public sealed record FormToken(string FieldName, string Token);

/// <summary>
/// First-run set-up, sign-in and sign-out for the dashboard: form posts (antiforgery-checked) that set or clear
/// the cookie and redirect, because a Blazor circuit cannot set a cookie. Failures redirect back to the page with
/// ?error=code so the page can say what went wrong.
/// </summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();
        group.MapGet("/status", GetStatus)
            .WithSummary("Who is signed in")
            .WithDescription("Whether an owner exists, whether the caller is signed in, as whom and how (cookie or api_key).");
        group.MapGet("/antiforgery", GetAntiforgeryToken)
            .WithSummary("An antiforgery token")
            .WithDescription("A form field name and token, with its cookie, for clients that post the sign-in forms themselves.");
        group.MapPost("/setup", SetUp)
            .WithSummary("Create the owner")
            .WithDescription("A form post (user_name, password, confirm_password, return_url) that creates the owner on first run and signs in; answers with a redirect, on failure back to /setup?error=.")
            .Produces(StatusCodes.Status302Found);
        group.MapPost("/signin", SignIn)
            .WithSummary("Sign in")
            .WithDescription("A form post (user_name, password, return_url) that signs the owner in with a cookie; answers with a redirect, on failure back to /signin?error=. Failed attempts are throttled per address.")
            .Produces(StatusCodes.Status302Found);
        group.MapPost("/signout", SignOut)
            .WithSummary("Sign out")
            .WithDescription("A form post that ends the owner's session and redirects to return_url (a local path) or the sign-in page.")
            .Produces(StatusCodes.Status302Found);
        app.MapPasswordEndpoint();
        return app;
    }

    private static async Task<Ok<AuthStatus>> GetStatus(HttpContext context, OwnerAccounts owners, CancellationToken cancellationToken)
    {
        var user = context.User.Identity;
        var method = user?.AuthenticationType switch
        {
            VaultAuth.CookieScheme => "cookie",
            VaultAuth.ApiKeyScheme => "api_key",
            _ => null,
        };
        var signedIn = user?.IsAuthenticated == true;
        return TypedResults.Ok(new AuthStatus(await owners.ExistsAsync(cancellationToken), signedIn, signedIn ? user!.Name : null, method));
    }

    /// <summary>For clients that are not Blazor forms (which carry the token themselves): a token and its cookie.</summary>
    private static Ok<FormToken> GetAntiforgeryToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new FormToken(tokens.FormFieldName, tokens.RequestToken!));
    }

    private static async Task<RedirectHttpResult> SetUp(
        [FromForm(Name = "user_name")] string? userName, [FromForm(Name = "password")] string? password,
        [FromForm(Name = "confirm_password")] string? confirmPassword, [FromForm(Name = "return_url")] string? returnUrl,
        HttpContext context, OwnerAccounts owners, KnownDevices devices, CancellationToken cancellationToken)
    {
        if (confirmPassword is not null && confirmPassword != password)
        {
            return Back(VaultAuth.SetupPage, "password_mismatch", null);
        }

        var result = await owners.CreateAsync(userName, password, cancellationToken);
        if (result != OwnerSetupResult.Created)
        {
            return Back(VaultAuth.SetupPage, result switch
            {
                OwnerSetupResult.OwnerExists => "owner_exists",
                OwnerSetupResult.InvalidUserName => "invalid_user_name",
                _ => "weak_password",
            }, null);
        }

        devices.Remember(context, null);
        await SignInOwnerAsync(context, userName!.Trim(), owners, cancellationToken);
        return TypedResults.Redirect(Local(returnUrl));
    }

    private static async Task<RedirectHttpResult> SignIn(
        [FromForm(Name = "user_name")] string? userName, [FromForm(Name = "password")] string? password,
        [FromForm(Name = "return_url")] string? returnUrl,
        HttpContext context, OwnerAccounts owners, SignInThrottle throttle, KnownDevices devices, CancellationToken cancellationToken)
    {
        var device = devices.Read(context);
        if (throttle.IsLockedOut(context, device))
        {
            return Back(VaultAuth.SignInPage, "throttled", returnUrl);
        }

        var owner = await owners.VerifyAsync(userName, password, cancellationToken);
        if (owner is null)
        {
            throttle.RecordFailure(context, device);
            return await owners.ExistsAsync(cancellationToken)
                ? Back(VaultAuth.SignInPage, "invalid_credentials", returnUrl)
                : Back(VaultAuth.SetupPage, "no_owner", null);
        }

        throttle.RecordSuccess();
        devices.Remember(context, device);
        await SignInOwnerAsync(context, owner.UserName, owners, cancellationToken);
        return TypedResults.Redirect(Local(returnUrl));
    }

    // Reading the form (even an empty one) is what makes minimal APIs check the antiforgery token. A new stamp ends
    // this session and every other one: there is one owner, so "sign out" and "sign out everywhere" are the same.
    // Only the owner's own session may do that, or anyone could sign the owner out.
    private static async Task<RedirectHttpResult> SignOut([FromForm(Name = "return_url")] string? returnUrl, HttpContext context,
        OwnerAccounts owners, CancellationToken cancellationToken)
    {
        if (VaultAuth.IsCookieSession(context))
        {
            await owners.RenewStampAsync(cancellationToken);
        }

        await context.SignOutAsync(VaultAuth.CookieScheme);
        return TypedResults.Redirect(returnUrl is null ? VaultAuth.SignInPage : Local(returnUrl));
    }

    /// <summary>Issues the session cookie under the owner's current stamp.</summary>
    internal static async Task SignInOwnerAsync(HttpContext context, string userName, OwnerAccounts owners, CancellationToken cancellationToken)
    {
        var stamp = await owners.GetOrCreateStampAsync(cancellationToken);
        Claim[] claims = [new(ClaimTypes.Name, userName), new(ClaimTypes.Role, VaultAuth.OwnerRole), new(VaultAuth.StampClaim, stamp)];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, VaultAuth.CookieScheme));
        await context.SignInAsync(VaultAuth.CookieScheme, principal, new AuthenticationProperties { IsPersistent = true });
    }

    private static RedirectHttpResult Back(string page, string error, string? returnUrl)
    {
        var query = QueryString.Create("error", error);
        if (returnUrl is not null)
        {
            query = query.Add("return_url", Local(returnUrl));
        }

        return TypedResults.Redirect(page + query.ToUriComponent());
    }

    /// <summary>Only paths on this site: a return_url pointing elsewhere would make the sign-in page an open redirect.</summary>
    internal static string Local(string? url) => LocalUrl.Normalize(url);
}
