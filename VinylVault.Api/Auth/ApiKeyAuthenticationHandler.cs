using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VinylVault.Api.Sync;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

/// <summary>Authenticates scripts by API key; refuses with ProblemDetails, never with a redirect.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const int MaxKeyLength = 512;

    /// <summary>The key the request carries, if any: the Authorization header, or on the hub the access_token query.</summary>
    public static string? ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        // A browser cannot set headers on a WebSocket, so SignalR sends the key in the query; only the hub takes it
        // there, because query strings end up in proxy logs.
        if (request.Path.StartsWithSegments(SyncHubEndpoints.Path) && request.Query["access_token"] is [{ Length: > 0 } token])
        {
            return token;
        }

        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var key = presented.Length <= MaxKeyLength ? await keys.AuthenticateAsync(presented, Context.RequestAborted) : null;
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is not valid, or it was revoked.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, key.Id?.ToString(CultureInfo.InvariantCulture) ?? ApiKeys.BootstrapName),
            new(ClaimTypes.Name, key.Name),
            new(VaultAuth.KeyKindClaim, key.IsBootstrap ? "bootstrap" : "issued"),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await AuthProblems.ChallengeAsync(Context, result.Failure?.Message ?? AuthProblems.SignInOrKey);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.ForbidAsync(Context);
}
