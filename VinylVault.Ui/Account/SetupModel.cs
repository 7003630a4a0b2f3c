using System.ComponentModel.DataAnnotations;

namespace VinylVault.Ui.Account;

/// <summary>The first-run form: the owner's user name and password (the limits are those OwnerAccounts enforces).</summary>
public sealed class SetupModel
{
    [Required(ErrorMessage = "Choose a user name.")]
    [StringLength(64, ErrorMessage = "A user name has at most 64 characters.")]
    [RegularExpression(@"^[^\p{C}]*\S[^\p{C}]*$", ErrorMessage = "A user name cannot contain control characters.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(256, MinimumLength = 8, ErrorMessage = "A password has 8 to 256 characters.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string ConfirmPassword { get; set; } = "";
}
