using Microsoft.AspNetCore.Mvc;

namespace VinylVault.Api.Http;

/// <summary>The HTTP surface shared by every feature: JSON, errors, validation, the OpenAPI document, the /api group.</summary>
public static class HttpApi
{
    /// <summary>No API request needs more: anything bigger is refused with 413 before it is read.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddApiJson();
        builder.Services.AddProblemHandling();
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>/api: everything under it needs the owner's cookie or an API key, and answers 401, never a redirect.</summary>
    public static RouteGroupBuilder MapApiGroup(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes));
        api.ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    /// <summary>/openapi/v1.json, anonymous and in every environment: scripts are written against it.</summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
