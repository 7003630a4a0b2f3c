using System.ComponentModel.DataAnnotations;

namespace VinylVault.Core.Security;

/// <summary>The "Auth" configuration section. Defaults here, overridden by configuration.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The bootstrap key for scripts and headless installs (alias VINYLVAULT_API_KEY); none by default.</summary>
    [MinLength(16, ErrorMessage = "A bootstrap key needs at least 16 characters.")]
    public string? ApiKey { get; set; }

    /// <summary>Failed sign-ins allowed from one client per <see cref="FailedSignInWindowSeconds"/>.</summary>
    [Range(1, 1000)]
    public int FailedSignInLimit { get; set; } = 5;

    [Range(1, 86_400)]
    public int FailedSignInWindowSeconds { get; set; } = 300;

    /// <summary>How long a dashboard sign-in lasts without a visit; each visit extends it.</summary>
    [Range(1, 365)]
    public int SessionDays { get; set; } = 14;
}
