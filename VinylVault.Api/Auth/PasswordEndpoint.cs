using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

/// <summary>
/// "Change password" in Settings: a form post (antiforgery-checked) by the signed-in owner. The new password comes
/// with a new stamp, which ends every other session; this browser is signed in again under the new stamp. The
/// outcome comes back as /settings?password=code.
/// </summary>
internal static class PasswordEndpoint
{
    public const string Path = "/auth/password";

    public static IEndpointRouteBuilder MapPasswordEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ChangePassword).WithTags("Sign-in")
            .RequireAuthorization(p => p.RequireRole(VaultAuth.OwnerRole))
            .WithSummary("Change the owner's password")
            .WithDescription("Form fields current_password, new_password, confirm_password; ends every other session.");
        return app;
    }

    private static async Task<RedirectHttpResult> ChangePassword(
        [FromForm(Name = "current_password")] string? currentPassword, [FromForm(Name = "new_password")] string? newPassword,
        [FromForm(Name = "confirm_password")] string? confirmPassword,
        HttpContext context, OwnerAccounts owners, SignInThrottle throttle, KnownDevices devices, CancellationToken cancellationToken)
    {
        // Guessing the current password from a stolen session costs the same as guessing it at sign-in.
        var device = devices.Read(context);
        if (throttle.IsLockedOut(context, device))
        {
            return Outcome("throttled");
        }

        if (confirmPassword is not null && confirmPassword != newPassword)
        {
            return Outcome("password_mismatch");
        }

        switch (await owners.ChangePasswordAsync(currentPassword, newPassword, cancellationToken))
        {
            case PasswordChangeResult.WrongPassword:
                throttle.RecordFailure(context, device);
                return Outcome("wrong_password");
            case PasswordChangeResult.WeakPassword:
                return Outcome("weak_password");
        }

        await SessionEndpoints.SignInOwnerAsync(context, context.User.Identity!.Name!, owners, cancellationToken);
        return Outcome("changed");
    }

    private static RedirectHttpResult Outcome(string code) =>
        TypedResults.Redirect(VaultAuth.SettingsPage + QueryString.Create("password", code).ToUriComponent());
}
