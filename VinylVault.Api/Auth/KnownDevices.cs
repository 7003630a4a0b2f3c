using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VinylVault.Api.Auth;

/// <summary>
/// A signed cookie that a browser earns by signing in: such a device is exempt from its address's lock and from the
/// account's delay, so an attacker behind the same NAT or proxy cannot lock the owner out. Its own failures still
/// count, under its own id. It proves nothing about who is at the keyboard: the password is still needed.
/// </summary>
internal sealed class KnownDevices(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "vinylvault.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("VinylVault.KnownDevice").ToTimeLimitedDataProtector();

    /// <summary>The device id of a valid cookie, else null.</summary>
    public string? Read(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 and < 1024 } value)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(value, out var expires) is { Length: > 0 } id && expires > time.GetUtcNow() ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>After a successful sign-in: keeps the device's id (or gives it one) and renews the cookie.</summary>
    public void Remember(HttpContext context, string? device)
    {
        device ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = time.GetUtcNow() + Lifetime;
        context.Response.Cookies.Append(CookieName, _protector.Protect(device, expires), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            // Only the sign-in forms read it.
            Path = "/auth",
            Expires = expires,
            IsEssential = true,
        });
    }
}
