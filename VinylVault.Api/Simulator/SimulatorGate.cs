using System.Globalization;
using System.Net;

namespace VinylVault.Api.Simulator;

/// <summary>
/// What stands between a request and a simulated endpoint, in Discogs' order: the per-IP rate limit (and its
/// headers on every answer), a 429 storm, latency, the fault switches, the token check; then the endpoint, whose
/// JSON a fault may still cut short. Every answer is counted.
/// </summary>
internal sealed class SimulatorGate(Lazy<DiscogsSimulator> simulator, string endpoint) : IEndpointFilter
{
    private DiscogsSimulator Sim => simulator.Value;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var releaseId = endpoint == "release" && long.TryParse(http.Request.RouteValues["releaseId"] as string, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var decision = Sim.RateLimit.Admit(out var arrival);
        Sim.Counters.Arrived(arrival, decision.Allowed, http.Request.Headers.UserAgent.ToString(), http.Request.Query.ContainsKey("token"));

        var headers = http.Response.Headers;
        headers["X-Discogs-Ratelimit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Discogs-Ratelimit-Used"] = decision.Used.ToString(CultureInfo.InvariantCulture);
        headers["X-Discogs-Ratelimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);

        try
        {
            var result = await AnswerAsync(context, next, decision.Allowed, http.RequestAborted);
            Sim.Counters.Answered(endpoint, result.StatusCode, releaseId);
            return result;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout, during a hang or a slow answer): nginx logs this as 499.
            Sim.Counters.Answered(endpoint, 499, releaseId);
            return Results.Empty;
        }
    }

    private async Task<SimulatorResult> AnswerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, bool allowed, CancellationToken aborted)
    {
        if (!allowed)
        {
            return SimulatorResult.Error(HttpStatusCode.TooManyRequests);
        }

        if (Sim.Faults.StormRetryAfter() is { } retryAfter)
        {
            return SimulatorResult.Error(HttpStatusCode.TooManyRequests, retryAfter > TimeSpan.Zero ? retryAfter : null);
        }

        if (Sim.Faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(Sim.Faults.Latency, Sim.Time, aborted);
        }

        var fault = Sim.Faults.Next();
        switch (fault?.Kind)
        {
            case SimulatedFault.Timeout:
                await Task.Delay(Sim.Faults.HangDuration, Sim.Time, aborted);
                return SimulatorResult.Error(HttpStatusCode.GatewayTimeout);
            case SimulatedFault.HtmlBadGateway:
                return SimulatorResult.BadGateway();
            case SimulatedFault.Status:
                return SimulatorResult.Error(fault.Status, fault.RetryAfter);
        }

        if (!Authorized(context.HttpContext.Request))
        {
            return SimulatorResult.Error(HttpStatusCode.Unauthorized);
        }

        var answer = (SimulatorResult)(await next(context))!;
        return fault?.Kind == SimulatedFault.MalformedJson && answer is { StatusCode: 200, ContentType: SimulatorResult.JsonType }
            ? answer.Truncated()
            : answer;
    }

    // "Discogs token=..." in the header, as VinylVault sends it; Discogs also takes ?token= (counted, since we must never use it).
    private bool Authorized(HttpRequest request)
    {
        const string scheme = "Discogs token=";
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith(scheme, StringComparison.Ordinal) ? header[scheme.Length..].Trim() : request.Query["token"].ToString();
        return token.Length > 0 && string.Equals(token, Sim.Token, StringComparison.Ordinal);
    }
}
