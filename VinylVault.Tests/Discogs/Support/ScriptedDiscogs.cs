using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace VinylVault.Tests.Discogs.Support;

/// <summary>
/// Stands in for the network under the real handler chain: answers from a script (then a default), and records
/// every request that reached it, with the fake time it arrived at.
/// </summary>
internal sealed class ScriptedDiscogs(TimeProvider time) : HttpMessageHandler
{
    public const string Identity = """{"id": 1, "username": "alice", "resource_url": "https://api.discogs.com/users/alice", "consumer_name": "VinylVault"}""";

    private readonly ConcurrentQueue<Responder> _script = new();
    private readonly ConcurrentQueue<Seen> _seen = new();

    public delegate Task<HttpResponseMessage> Responder(HttpRequestMessage request, CancellationToken cancellationToken);

    public Responder Otherwise { get; set; } = (_, _) => Task.FromResult(Json(HttpStatusCode.OK, Identity));

    public IReadOnlyList<Seen> Requests => [.. _seen];

    public int Count => _seen.Count;

    public ScriptedDiscogs Then(params Responder[] responders)
    {
        foreach (var responder in responders)
        {
            _script.Enqueue(responder);
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _seen.Enqueue(new Seen(
            time.GetUtcNow(),
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.UserAgent.ToString()));
        var responder = _script.TryDequeue(out var next) ? next : Otherwise;
        var response = await responder(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static Responder Answer(HttpStatusCode status, string body = Identity, params (string Name, string Value)[] headers) =>
        (_, _) => Task.FromResult(Json(status, body, headers));

    public static Responder Error(HttpStatusCode status, string message, params (string Name, string Value)[] headers) =>
        Answer(status, $$"""{"message": "{{message}}"}""", headers);

    public static Responder Budget(int limit, int used) => Answer(HttpStatusCode.OK, Identity,
        ("X-Discogs-Ratelimit", $"{limit}"), ("X-Discogs-Ratelimit-Used", $"{used}"), ("X-Discogs-Ratelimit-Remaining", $"{limit - used}"));

    public static Responder Html(HttpStatusCode status) => (_, _) => Task.FromResult(new HttpResponseMessage(status)
    {
        Content = new StringContent("<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>", Encoding.UTF8, "text/html"),
    });

    public static Responder Fail(string message) => (_, _) => throw new HttpRequestException(message);

    public static Responder Hang(TimeProvider time) => async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    internal sealed record Seen(DateTimeOffset At, Uri Uri, string? Authorization, string UserAgent);
}
