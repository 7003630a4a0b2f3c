using Microsoft.Extensions.Options;

namespace VinylVault.Core.Discogs;

/// <summary>
/// Where VinylVault talks to Discogs and as whom. Read each time a client is created and on every request, so a
/// change (a token saved in the UI, demo mode pointing at the simulator) applies to the next request batch
/// without a restart. Register another implementation before <c>AddDiscogs()</c> (or Replace it) to take over.
/// </summary>
public interface IDiscogsAccount
{
    Uri BaseAddress { get; }

    string? Username { get; }

    string? Token { get; }
}

/// <summary>The account as configured in the Discogs section (appsettings, environment).</summary>
internal sealed class ConfiguredDiscogsAccount(IOptionsMonitor<DiscogsOptions> options) : IDiscogsAccount
{
    public Uri BaseAddress => new(options.CurrentValue.BaseUrl);

    public string? Username => Blank(options.CurrentValue.Username);

    public string? Token => Blank(options.CurrentValue.Token);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
