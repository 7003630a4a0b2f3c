using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

/// <summary>
/// A dashboard circuit outlives the request that opened it: every half minute it checks that its session's stamp is
/// still the owner's, so a sign-out or a new password elsewhere also closes the pages already open.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory logs, OwnerAccounts owners) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.AuthenticationType != VaultAuth.CookieScheme)
        {
            return true;
        }

        return user.FindFirst(VaultAuth.StampClaim)?.Value is { } stamp && stamp == await owners.GetStampAsync(cancellationToken);
    }
}
