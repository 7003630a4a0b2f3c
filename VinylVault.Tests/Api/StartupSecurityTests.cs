using System.Runtime.Versioning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VinylVault.Api.Http;
using VinylVault.Core.Security;

namespace VinylVault.Tests.Api;

/// <summary>What the app decides at start-up: the key ring's permissions, a too-short bootstrap key, TLS.</summary>
public sealed class StartupSecurityTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_data_protection_key_ring_is_readable_by_the_owner_only()
    {
        await using var app = new VaultApp();
        using var client = app.CreateAnonymousClient();
        // A cookie-protected answer makes sure a key exists.
        await client.GetAsync("/auth/antiforgery");

        var keys = Path.Combine(app.DataDirectory, SecurityRegistration.KeysDirectoryName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        var files = Directory.GetFiles(keys, "*.xml");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:5080", false)]
    [InlineData("urls", "http://0.0.0.0:5080;https://0.0.0.0:5443", true)]
    [InlineData("ASPNETCORE_URLS", "https://+:443", true)]
    [InlineData("https_port", "443", true)]
    [InlineData("Kestrel:Endpoints:Secure:Url", "https://0.0.0.0:5443", true)]
    [InlineData("Kestrel:Endpoints:Plain:Url", "http://0.0.0.0:5080", false)]
    public void Https_redirection_and_hsts_are_on_only_when_served_over_tls(string key, string value, bool tls)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Assert.Equal(tls, SecurityHeaders.ServedOverTls(configuration));
    }
}
