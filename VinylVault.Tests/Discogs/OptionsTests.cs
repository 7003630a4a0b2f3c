using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VinylVault.Core.Configuration;
using VinylVault.Core.Discogs;
using VinylVault.Tests.Support;

namespace VinylVault.Tests.Discogs;

/// <summary>The Discogs section: bound, aliased, and validated when the app starts.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData("Discogs:MaxRequestsPerMinute", "0")]
    [InlineData("Discogs:RateLimitWindowSeconds", "-1")]
    [InlineData("Discogs:MaxRetries", "99")]
    [InlineData("Discogs:BaseUrl", "not a url")]
    public async Task A_bad_value_stops_start_up_with_a_message_naming_the_key(string key, string value)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_start()
    {
        using var host = Build([]);

        await host.StartAsync();

        var limiter = host.Services.GetRequiredService<DiscogsRateLimiter>();
        Assert.Equal((55, TimeSpan.FromSeconds(60)), (limiter.Limit, limiter.Window));
        await host.StopAsync();
    }

    [Fact]
    public void The_short_environment_aliases_set_the_Discogs_keys()
    {
        using var host = Build([], new Dictionary<string, string?>
        {
            ["DISCOGS_RATE_LIMIT"] = "7",
            ["DISCOGS_TIMEOUT"] = "12",
            ["DISCOGS_MAX_RETRIES"] = "1",
        });

        var options = host.Services.GetRequiredService<IOptions<DiscogsOptions>>().Value;
        Assert.Equal((7, 12d, 1), (options.MaxRequestsPerMinute, options.TimeoutSeconds, options.MaxRetries));
        Assert.Equal(7, host.Services.GetRequiredService<DiscogsRateLimiter>().Limit);
    }

    [Fact]
    // That the real app refuses a bad value, naming it, is proven on the published process (PublishedAppSmokeTests).
    public async Task The_app_wires_the_client()
    {
        // Its own data directory (the app migrates its database at start-up), and a Discogs that refuses at once.
        using var data = new TempDataDirectory("options");
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Storage:DataDirectory", data.Path)
            .UseSetting("Discogs:BaseUrl", "http://127.0.0.1:9")
            .UseSetting("Discogs:MaxRetries", "0"));

        Assert.Equal(55, app.Services.GetRequiredService<DiscogsRateLimiter>().Limit);
        var (online, message) = await app.Services.GetRequiredService<DiscogsClient>().TestConnectionAsync(CancellationToken.None);
        Assert.False(online);
        Assert.StartsWith("Discogs unreachable", message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings, Dictionary<string, string?>? environment = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddEnvironmentAliases(environment ?? []);
        builder.AddDiscogs();
        return builder.Build();
    }
}
