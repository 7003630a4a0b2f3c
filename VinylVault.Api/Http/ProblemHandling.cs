using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace VinylVault.Api.Http;

/// <summary>Every error answer is an RFC 7807 ProblemDetails with a trace id, and none carries a stack trace.</summary>
public static class ProblemHandling
{
    public static IServiceCollection AddProblemHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures ("page=abc", bad JSON) throw, so the exception handler can answer with a detail that
        // names the parameter instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseProblemHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        // ProblemDetails' own default key is camelCase "traceId"; the rest of the API speaks snake_case.
        context.ProblemDetails.Extensions.Remove("traceId");
        context.ProblemDetails.Extensions["trace_id"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;

        // Validation names the C# member ("PageSize"); callers know the parameter by its wire name ("page_size").
        if (context.ProblemDetails is HttpValidationProblemDetails validation)
        {
            validation.Errors = validation.Errors.ToDictionary(e => WireName(e.Key), e => e.Value);
        }
    }

    private static string WireName(string memberPath) =>
        string.Join('.', memberPath.Split('.').Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));
}

internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException { StatusCode: 400 } && BindFailure().Match(exception.Message) is { Success: true } failed)
        {
            // "page=abc": a validation error under the parameter's name, like every other bad value.
            var name = failed.Groups["name"].Value;
            var type = failed.Groups["type"].Value.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>');
            problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [$"The value is not a valid {type}."] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            };
        }
        else if (exception is BadHttpRequestException bad)
        {
            // Its message names the parameter and never holds more than the caller sent.
            problem = new() { Status = bad.StatusCode, Title = "The request is not valid.", Detail = bad.Message };
        }
        else
        {
            logger.LogError(exception, "Unhandled error answering {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new()
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged; quote the trace id when reporting it.",
            };
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem });
    }

    // Minimal APIs' message for a value that does not convert: Failed to bind parameter "Nullable<int> YearFrom" from "abc".
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)\" from ")]
    private static partial Regex BindFailure();
}
