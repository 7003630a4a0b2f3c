using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace VinylVault.Api.Http;

/// <summary>The HTTP surface shared by every feature: JSON, errors, validation, the OpenAPI document, the /api group.</summary>
public static class HttpApi
{
    /// <summary>No API request needs more: anything bigger is refused with 413 before it is read.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    private const string Lanes = "api-lanes";

    /// <summary>
    /// Reads answered from the database alone (<see cref="LocalRead"/>) served at once: one per core, the rest wait
    /// their turn in order (up to <see cref="QueueLimit"/>, then 503). A flood of script requests queues here instead
    /// of in the thread pool, where it delayed the sync's own work and cost it its pace (a closed loop of 50 clients:
    /// T/Tmin 1.37 to 1.57 without the turns, 1.04 to 1.06 with them, and no fewer requests served).
    /// </summary>
    public static readonly int ConcurrentRequests = Environment.ProcessorCount;

    public const int QueueLimit = 1000;

    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddApiJson();
        builder.Services.AddProblemHandling();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            o.AddConcurrencyLimiter(Lanes, l => (l.PermitLimit, l.QueueLimit, l.QueueProcessingOrder) = (ConcurrentRequests, QueueLimit, QueueProcessingOrder.OldestFirst));
        });
        return builder;
    }

    /// <summary>/api: everything under it needs the owner's cookie or an API key, and answers 401, never a redirect.</summary>
    public static RouteGroupBuilder MapApiGroup(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes));
        api.ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    /// <summary>
    /// A read answered from the database alone takes a turn (<see cref="ConcurrentRequests"/>). Not for a request that
    /// waits on Discogs or streams a file: it would hold a turn while it waits.
    /// </summary>
    public static TBuilder LocalRead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(Lanes);

    /// <summary>/openapi/v1.json, anonymous and in every environment: scripts are written against it.</summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
