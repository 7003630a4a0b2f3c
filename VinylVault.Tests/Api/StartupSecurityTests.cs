using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VinylVault.Api.Http;
using VinylVault.Core.Security;

namespace VinylVault.Tests.Api;

/// <summary>What the app decides at start-up: the data folder's and key ring's permissions, configuration checks, TLS.</summary>
public sealed class StartupSecurityTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_data_folder_and_every_file_in_it_are_owner_only_whatever_the_callers_umask()
    {
        await using var app = new VaultApp();
        // An older install: a world-readable folder and database file, and a caller whose umask is the usual 022.
        Directory.CreateDirectory(app.DataDirectory);
        File.SetUnixFileMode(app.DataDirectory, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var old = Path.Combine(app.DataDirectory, "notes-from-before.txt");
        await File.WriteAllTextAsync(old, "x");
        File.SetUnixFileMode(old, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        SetUmask(0x12);

        // Set-up writes the owner's row: the database, its -wal and -shm exist from here on.
        using var owner = await app.CreateOwnerClientAsync();
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(app.DataDirectory));
        var files = Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("vinylvault.db-wal", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == OwnerOnlyFile, $"{f}: {File.GetUnixFileMode(f)}"));
        Assert.All(Directory.GetDirectories(app.DataDirectory, "*", SearchOption.AllDirectories), d => Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(d)));
        Assert.Matches(@"Umask:\s+0077", await File.ReadAllTextAsync("/proc/self/status"));
    }

    [Theory]
    [InlineData("Auth:KnownProxies", "10.0.0.1;not-an-address")]
    [InlineData("Auth:AllowedHosts", "https://vinyl.example.com")]
    [InlineData("Images:AllowedOrigins:0", "javascript:alert(1)")]
    public async Task A_bad_network_setting_stops_the_start_naming_its_key(string key, string value)
    {
        await using var app = new VaultApp(new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.Address);
        Assert.Contains(key.Split(':')[0] + ":" + key.Split(':')[1], error.ToString(), StringComparison.Ordinal);
    }

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
