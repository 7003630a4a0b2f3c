namespace VinylVault.Api.Auth;

/// <summary>401 and 403 as ProblemDetails, the same whichever scheme refused.</summary>
internal static class AuthProblems
{
    public const string SignInOrKey = "Sign in to the dashboard, or send an API key as 'Authorization: Bearer <key>'.";

    public static async Task ChallengeAsync(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await WriteAsync(context, "Authentication required.", detail);
    }

    public static async Task ForbidAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteAsync(context, "Not allowed.", "This needs the owner's sign-in or the bootstrap key.");
    }

    public static async Task TooManyAttemptsAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteAsync(context, "Too many wrong API keys.", "Too many requests from this address carried a wrong API key. Wait, then try again with a valid key.");
    }

    /// <summary>A cookie-authenticated request that did not come from this site's own pages.</summary>
    public static async Task CrossOriginAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteAsync(context, "Cross-origin request refused.",
            "This request carries the dashboard's sign-in but did not come from the dashboard's own pages (its Origin or Referer names another site).");
    }

    private static async Task WriteAsync(HttpContext context, string title, string detail)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode, Title = title, Detail = detail },
        });
    }
}
