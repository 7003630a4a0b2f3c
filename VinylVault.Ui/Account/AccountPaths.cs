namespace VinylVault.Ui.Account;

/// <summary>The addresses of the account pages and of the endpoints their forms post to.</summary>
public static class AccountPaths
{
    public const string SignIn = "/signin";
    public const string SetUp = "/setup";
    public const string Welcome = "/welcome";
    public const string SignOutEndpoint = "/account/signout";
    public const string SignInEndpoint = "/account/signin";
    public const string SetUpEndpoint = "/account/setup";
}
