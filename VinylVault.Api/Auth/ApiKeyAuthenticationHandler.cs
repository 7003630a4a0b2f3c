using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VinylVault.Api.Sync;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

/// <summary>Authenticates scripts by API key; refuses with ProblemDetails, never with a redirect.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, UrlEncoder encoder, ApiKeys keys, ApiKeyThrottle throttle)
    // The base class would log a line or two per request (each refused key "challenged"); ApiKeyThrottle logs
    // refusals in aggregate instead, so a flood of guesses cannot flood the log.
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, NullLoggerFactory.Instance, encoder)
{
    private const int MaxKeyLength = 512;
    private const string RefusalKey = "vinylvault:api_key_refusal";
    private const string Throttled = "throttled";

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

    // A refused key yields NoResult (anonymous) with the reason kept for the challenge: a Fail would log a line per
    // request, and the throttle logs refusals in aggregate instead.
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        if (throttle.IsThrottled(Context))
        {
            Context.Items[RefusalKey] = Throttled;
            return AuthenticateResult.NoResult();
        }

        var key = presented.Length <= MaxKeyLength ? await keys.AuthenticateAsync(presented, Context.RequestAborted) : null;
        if (key is null)
        {
            throttle.RecordFailure(Context);
            Context.Items[RefusalKey] = "The API key is not valid, or it was revoked.";
            return AuthenticateResult.NoResult();
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
        await HandleAuthenticateOnceSafeAsync();
        switch (Context.Items[RefusalKey])
        {
            case Throttled:
                await AuthProblems.TooManyAttemptsAsync(Context, throttle.RetryAfter);
                break;
            case string reason:
                await AuthProblems.ChallengeAsync(Context, reason);
                break;
            default:
                await AuthProblems.ChallengeAsync(Context, AuthProblems.SignInOrKey);
                break;
        }
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.ForbidAsync(Context);
}
