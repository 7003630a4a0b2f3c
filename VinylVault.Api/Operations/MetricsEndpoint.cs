using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using VinylVault.Api.Auth;
using VinylVault.Core.Telemetry;

namespace VinylVault.Api.Operations;

/// <summary>The "Metrics" configuration section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>When set, /metrics answers only to "Authorization: Bearer &lt;this&gt;" (Prometheus' bearer_token).</summary>
    public string? BearerToken { get; set; }
}

/// <summary>OpenTelemetry metrics (the vinylvault_* meter plus ASP.NET Core, HttpClient and runtime) as Prometheus text at /metrics.</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddVaultMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.TryAddSingleton<VaultMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("vinylvault", serviceVersion: typeof(MetricsEndpoint).Assembly.GetName().Version?.ToString(3)))
            .WithMetrics(m => m
                .AddMeter(VaultMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        return builder;
    }

    public static IEndpointRouteBuilder MapVaultMetrics(this IEndpointRouteBuilder app)
    {
        // The provider listens from when it is built; the zero series are recorded after that.
        app.ServiceProvider.GetRequiredService<MeterProvider>();
        app.ServiceProvider.GetRequiredService<VaultMetrics>().StartAtZero();
        var token = app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.BearerToken;
        var endpoint = app.MapPrometheusScrapingEndpoint(Path);
        if (!string.IsNullOrEmpty(token))
        {
            // The exporter's endpoint is a plain RequestDelegate (no endpoint filters), so the check wraps it.
            var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
            endpoint.Add(b =>
            {
                var scrape = b.RequestDelegate!;
                b.RequestDelegate = context => Presents(context, expected)
                    ? scrape(context)
                    : AuthProblems.ChallengeAsync(context, "Send the metrics token as 'Authorization: Bearer <token>'.");
            });
        }

        return app;
    }

    private static bool Presents(HttpContext context, byte[] expected)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) &&
            CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())), expected);
    }
}
