namespace VinylVault.Api.Auth;

/// <summary>
/// Same-site request forgery: a page on another port of the same host (another service on the Pi) is "same site",
/// so the browser sends the SameSite=Lax cookie with its forged POST or WebSocket. Every unsafe request and every
/// WebSocket that the cookie authenticates must therefore name this app's own origin in Origin (or, without one, in
/// Referer); otherwise 403. Requests with an API key are not affected: a browser never adds a key on its own.
/// </summary>
internal static class OriginCheck
{
    public static WebApplication UseOriginCheck(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (VaultAuth.IsCookieSession(context) && NeedsCheck(context) && !FromOwnOrigin(context.Request))
            {
                await AuthProblems.CrossOriginAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    // The upgrade header, not context.WebSockets: the WebSocket feature is added later, inside the hub's own pipeline.
    private static bool NeedsCheck(HttpContext context) =>
        context.Request.Headers.Upgrade.Count > 0 ||
        !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ||
          HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method));

    /// <summary>Scheme, host and port of Origin (or Referer) equal this request's own (after trusted forwarded headers).</summary>
    internal static bool FromOwnOrigin(HttpRequest request)
    {
        var claimed = request.Headers.Origin.ToString();
        if (claimed.Length == 0)
        {
            claimed = request.Headers.Referer.ToString();
        }

        return Uri.TryCreate(claimed, UriKind.Absolute, out var origin) &&
            Uri.TryCreate($"{request.Scheme}://{request.Host}/", UriKind.Absolute, out var own) &&
            string.Equals(origin.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(origin.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase) &&
            origin.Port == own.Port;
    }
}
