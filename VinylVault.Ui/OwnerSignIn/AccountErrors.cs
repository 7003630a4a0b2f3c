namespace VinylVault.Ui.OwnerSignIn;

public enum AccountField { None, UserName, Password, ConfirmPassword }

/// <summary>What the set-up and sign-in endpoints' ?error= codes mean to a person, and which field they concern.</summary>
public static class AccountErrors
{
    public static (AccountField Field, string Message)? Describe(string? code) => code switch
    {
        null or "" => null,
        "invalid_user_name" => (AccountField.UserName, "Choose a user name of at most 64 characters, without control characters."),
        "weak_password" => (AccountField.Password, $"A password has {MinPasswordLength} to {MaxPasswordLength} characters."),
        "password_mismatch" => (AccountField.ConfirmPassword, "The two passwords are not the same."),
        "owner_exists" => (AccountField.None, "This vault has an owner already: sign in instead."),
        "invalid_credentials" => (AccountField.Password, "That user name and password do not match."),
        "throttled" => (AccountField.None, "Too many attempts. Wait a minute, then try again."),
        "no_owner" => (AccountField.None, "Nobody owns this vault yet: create the owner account first."),
        _ => (AccountField.None, "That did not work. Please try again."),
    };

    // The limits OwnerAccounts enforces; the browser checks them before the form is sent.
    public const int MaxUserNameLength = 64;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;
}
