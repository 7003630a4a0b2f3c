namespace VinylVault.Api.Http;

/// <summary>Security headers on every answer, and HTTPS redirection with HSTS when the app is served over TLS.</summary>
public static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (ServedOverTls(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // Outermost, and at the last moment: the exception handler clears the headers of a failed answer.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request);
                headers.XContentTypeOptions = "nosniff";
                // Not no-referrer: with it the browser sends "Origin: null" on the dashboard's own form posts, and the
                // origin check (OriginCheck) could not tell them from forged ones. Other sites still get nothing.
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    // Blazor Server needs its own scripts and a WebSocket back to this host; MudBlazor sets inline styles.
    // Cover art comes from this host (the image cache, the demo simulator) or from Discogs' image hosts.
    private static string ContentSecurityPolicy(HttpRequest request)
    {
        var host = request.Host.Value ?? "";
        var sockets = host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']') ? $" ws://{host} wss://{host}" : "";
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data: https://*.discogs.com; font-src 'self' data:; " +
            $"connect-src 'self'{sockets}; frame-ancestors 'none'; base-uri 'self'; " +
            "form-action 'self'; object-src 'none'";
    }

    /// <summary>True when an https:// address is configured (urls, ASPNETCORE_URLS, Kestrel endpoints) or an HTTPS port is named.</summary>
    internal static bool ServedOverTls(IConfiguration configuration)
    {
        static bool Https(string? url) => url?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true;

        return Https(configuration["urls"]) || Https(configuration["ASPNETCORE_URLS"]) ||
            !string.IsNullOrEmpty(configuration["https_port"]) || !string.IsNullOrEmpty(configuration["ASPNETCORE_HTTPS_PORT"]) ||
            configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => Https(e["Url"]));
    }
}
