namespace VinylVault.Api.Auth;

/// <summary>The names the rest of the app (and the dashboard pages) use to speak about who is signed in.</summary>
public static class VaultAuth
{
    /// <summary>The default scheme: forwards to <see cref="ApiKeyScheme"/> when a key is sent, else to <see cref="CookieScheme"/>.</summary>
    public const string Scheme = "VinylVault";
    /// <summary>The owner's dashboard sign-in.</summary>
    public const string CookieScheme = "VinylVault.Cookie";
    /// <summary>Scripts: "Authorization: Bearer &lt;key&gt;", or "access_token" on the hub's WebSocket.</summary>
    public const string ApiKeyScheme = "VinylVault.ApiKey";

    /// <summary>Managing API keys: the signed-in owner, or the bootstrap key of a headless install.</summary>
    public const string ManageKeysPolicy = "ManageKeys";

    public const string OwnerRole = "owner";
    /// <summary>On API-key principals: "bootstrap" or "issued".</summary>
    public const string KeyKindClaim = "vinylvault:key_kind";
    /// <summary>On cookie principals: the owner's security stamp the session was issued under.</summary>
    public const string StampClaim = "vinylvault:stamp";

    /// <summary>The dashboard's pages for first-run set-up and sign-in (provided by VinylVault.Ui).</summary>
    public const string SetupPage = "/setup";
    public const string SignInPage = "/signin";
    public const string SettingsPage = "/settings";

    /// <summary>Requests that must be answered with 401/403 ProblemDetails, never with a redirect to a page.</summary>
    internal static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/covers");

    /// <summary>True when the request is the owner's browser session (not an API key).</summary>
    internal static bool IsCookieSession(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieScheme };
}
