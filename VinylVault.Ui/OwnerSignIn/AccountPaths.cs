namespace VinylVault.Ui.OwnerSignIn;

/// <summary>
/// The account pages (statically rendered, so that the browser posts their forms) and the service's endpoints those
/// forms post to. The endpoints set or clear the cookie and redirect back with ?error=code when they refuse.
/// </summary>
public static class AccountPaths
{
    public const string SignIn = "/signin";
    public const string SetUp = "/setup";
    public const string Welcome = "/welcome";

    public const string SetUpEndpoint = "/auth/setup";
    public const string SignInEndpoint = "/auth/signin";
    public const string SignOutEndpoint = "/auth/signout";

    /// <summary>Only paths on this site, as the endpoints accept them: anything else becomes the dashboard.</summary>
    public static string Local(string? url) =>
        url is ['/'] or ['/', not ('/' or '\\'), ..] ? url : "/";
}
