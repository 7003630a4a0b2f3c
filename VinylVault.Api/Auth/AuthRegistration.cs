using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

public static class AuthRegistration
{
    /// <summary>Who gets in: the owner's cookie or an API key, the key-management policy, antiforgery, the sign-in throttle.</summary>
    public static WebApplicationBuilder AddVaultAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(VaultAuth.Scheme)
            .AddPolicyScheme(VaultAuth.Scheme, "Owner cookie or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.ReadKey(context.Request) is null ? VaultAuth.CookieScheme : VaultAuth.ApiKeyScheme)
            .AddCookie(VaultAuth.CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(VaultAuth.ApiKeyScheme, null);
        builder.Services.AddOptions<CookieAuthenticationOptions>(VaultAuth.CookieScheme).Configure<IOptions<AuthOptions>>(ConfigureCookie);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(VaultAuth.ManageKeysPolicy, p => p.RequireAssertion(c =>
                c.User.IsInRole(VaultAuth.OwnerRole) || c.User.HasClaim(VaultAuth.KeyKindClaim, "bootstrap")));
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "vinylvault.antiforgery");
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<ApiKeyThrottle>();
        builder.Services.AddSingleton<KnownDevices>();
        builder.Services.AddHostedService<BootstrapKeyCheck>();
        return builder;
    }

    public static WebApplication UseVaultAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseOriginCheck();
        // An /api path that matches no route is refused like any other without credentials: nobody learns which
        // routes exist without signing in. (Routing's own 405 and 415 answers still come through.)
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null && VaultAuth.IsApiRequest(context.Request) && context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            await next(context);
        });
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, IOptions<AuthOptions> auth)
    {
        o.Cookie.Name = "vinylvault.auth";
        o.Cookie.HttpOnly = true;
        // Lax keeps cross-site POSTs cookie-less (no CSRF through the JSON API) while a link to the dashboard still works.
        o.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request is: a Pi on the home network is usually reached over plain http.
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromDays(auth.Value.SessionDays);
        o.SlidingExpiration = true;
        // Sign-out and a new password change the owner's stamp; a cookie issued under an older one is refused.
        o.Events.OnValidatePrincipal = async context =>
        {
            var owners = context.HttpContext.RequestServices.GetRequiredService<OwnerAccounts>();
            var stamp = context.Principal?.FindFirst(VaultAuth.StampClaim)?.Value;
            if (stamp is null || stamp != await owners.GetStampAsync(context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(VaultAuth.CookieScheme);
            }
        };
        o.LoginPath = VaultAuth.SignInPage;
        o.AccessDeniedPath = VaultAuth.SignInPage;
        o.Events.OnRedirectToLogin = async context =>
        {
            if (VaultAuth.IsApiRequest(context.Request))
            {
                await AuthProblems.ChallengeAsync(context.HttpContext, AuthProblems.SignInOrKey);
                return;
            }

            // Until the owner exists, the only page anyone sees is the set-up page.
            var owners = context.HttpContext.RequestServices.GetRequiredService<OwnerAccounts>();
            var hasOwner = await owners.ExistsAsync(context.HttpContext.RequestAborted);
            context.Response.Redirect(hasOwner ? context.RedirectUri : VaultAuth.SetupPage);
        };
        o.Events.OnRedirectToAccessDenied = context =>
        {
            if (VaultAuth.IsApiRequest(context.Request))
            {
                return AuthProblems.ForbidAsync(context.HttpContext);
            }

            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
    }
}
