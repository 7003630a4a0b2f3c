using System.ComponentModel.DataAnnotations;
using System.Net;

namespace VinylVault.Core.Security;

/// <summary>The "Auth" configuration section. Defaults here, overridden by configuration.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";
    public const int MinApiKeyLength = 32;

    /// <summary>The bootstrap key for scripts and headless installs (alias VINYLVAULT_API_KEY); none by default.</summary>
    [MinLength(MinApiKeyLength, ErrorMessage = "A bootstrap key needs at least 32 random characters (for example: openssl rand -base64 32).")]
    public string? ApiKey { get; set; }

    /// <summary>Failed sign-ins allowed from one client (an address, or a known device) per <see cref="FailedSignInWindowSeconds"/>.</summary>
    [Range(1, 1000)]
    public int FailedSignInLimit { get; set; } = 5;

    [Range(1, 86_400)]
    public int FailedSignInWindowSeconds { get; set; } = 300;

    /// <summary>
    /// Failed sign-ins for the account from all clients per window; past it each further failure makes the next
    /// attempt wait twice as long as the last (<see cref="FailedSignInDelaySeconds"/>, then double ... up to the
    /// window), except from a device that signed in before.
    /// </summary>
    [Range(1, 100_000)]
    public int FailedSignInAccountLimit { get; set; } = 20;

    /// <summary>The first wait once the account's budget is spent.</summary>
    [Range(1, 3600)]
    public int FailedSignInDelaySeconds { get; set; } = 1;

    /// <summary>Requests with a wrong API key allowed from one address per <see cref="FailedApiKeyWindowSeconds"/>; then 429.</summary>
    [Range(1, 100_000)]
    public int FailedApiKeyLimit { get; set; } = 20;

    [Range(1, 86_400)]
    public int FailedApiKeyWindowSeconds { get; set; } = 60;

    /// <summary>How long a dashboard sign-in lasts without a visit; each visit extends it.</summary>
    [Range(1, 365)]
    public int SessionDays { get; set; } = 14;

    /// <summary>
    /// Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed: addresses or networks ("10.0.0.2;172.18.0.0/16"),
    /// separated by ';' or ','. None by default: forwarded headers are ignored.
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>
    /// Host names the app answers to besides the defaults (localhost, IP addresses, this machine's name, *.local,
    /// *.lan, *.home.arpa): "vinyl.example.com;*.example.net", separated by ';' or ','.
    /// </summary>
    public string? AllowedHosts { get; set; }

    public IReadOnlyList<IPNetwork> KnownProxyNetworks() => [.. Split(KnownProxies).Select(p => ParseNetwork(p)!.Value)];

    public IReadOnlyList<string> AllowedHostNames() => [.. Split(AllowedHosts).Select(h => h.TrimEnd('.').ToLowerInvariant())];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in Split(KnownProxies).Where(p => ParseNetwork(p) is null))
        {
            yield return new ValidationResult($"'{proxy}' is not an IP address or a network such as 192.168.1.0/24.", [nameof(KnownProxies)]);
        }

        foreach (var host in Split(AllowedHosts).Where(h => !IsHostPattern(h)))
        {
            yield return new ValidationResult($"'{host}' is not a host name or a pattern such as *.example.com (no scheme, no port).", [nameof(AllowedHosts)]);
        }
    }

    internal static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IPNetwork? ParseNetwork(string text) =>
        text.Contains('/', StringComparison.Ordinal)
            ? IPNetwork.TryParse(text, out var network) ? network : null
            : IPAddress.TryParse(text, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8) : null;

    private static bool IsHostPattern(string host)
    {
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return name.TrimEnd('.').Split('.') is var labels && labels.All(l => l.Length is > 0 and <= 63 &&
            l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && l[0] != '-' && l[^1] != '-');
    }
}
