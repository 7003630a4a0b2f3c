using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace VinylVault.Api.Demo;

/// <summary>
/// Where this process reaches its own simulator: one of the addresses Kestrel listens on, as a loopback URL
/// (a wildcard such as http://0.0.0.0:5080, or Kestrel's dual-mode http://[::]:5080, becomes http://127.0.0.1:5080),
/// plain HTTP when there is a choice.
/// </summary>
public sealed class DemoAddress(IServer server)
{
    public Uri SimulatorBase()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = addresses
            .Select(Loopback)
            .OfType<Uri>()
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException("The demo needs the app to listen on an address it can call itself on; none is known yet.");
        }

        return new Uri(candidates[0], DemoMode.Prefix.TrimStart('/') + "/");
    }

    internal static Uri? Loopback(string address)
    {
        // Kestrel's wildcards are not valid hosts in a URI; any of them is reachable on the loopback interface.
        var normalized = address.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new UriBuilder(uri) { Path = "/" }.Uri
            : null;
    }
}
