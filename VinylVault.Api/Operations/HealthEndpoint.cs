using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace VinylVault.Api.Operations;

public sealed record HealthCheckView(string Name, HealthStatus Status, string? Description, double DurationMs);

public sealed record HealthView(HealthStatus Status, double TotalDurationMs, IReadOnlyList<HealthCheckView> Checks);

/// <summary>
/// /health: the process and database are what make the app healthy; Discogs being unreachable only degrades it,
/// because everything local keeps working. 200 for healthy or degraded, 503 for unhealthy.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";

    public static WebApplicationBuilder AddVaultHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<MigrationsHealthCheck>("migrations")
            .AddCheck<SyncWorkerHealthCheck>("sync_worker")
            .AddCheck<DiscogsHealthCheck>("discogs");
        return builder;
    }

    public static IEndpointRouteBuilder MapVaultHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).WithTags("Operations");
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var view = new HealthView(report.Status, report.TotalDuration.TotalMilliseconds,
            [.. report.Entries.Select(e => new HealthCheckView(e.Key, e.Value.Status, e.Value.Description, e.Value.Duration.TotalMilliseconds))]);
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, view, json, context.RequestAborted);
    }
}
