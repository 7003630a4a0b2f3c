using System.Net;
using System.Text.Json;

namespace VinylVault.Core.Discogs;

/// <summary>
/// Turns everything that can go wrong under IDiscogsApi into <see cref="DiscogsApiException"/> subtypes (used as
/// Refit's exception factories), so callers never see a Refit, JSON or socket exception. Messages never hold the token.
/// </summary>
internal static class DiscogsErrors
{
    private const int LongestServerMessage = 300;

    public static async Task<Exception?> FromResponseAsync(HttpResponseMessage response, IDiscogsAccount account)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var status = response.StatusCode;
        var code = (int)status;
        var said = Scrub(await ServerMessageAsync(response), account);
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new DiscogsAuthenticationException(status, $"Discogs refused the request ({code}): {said ?? "the token is missing, wrong or revoked."}"),
            HttpStatusCode.NotFound => new DiscogsNotFoundException($"Discogs has no such resource (404){Colon(said)}"),
            HttpStatusCode.TooManyRequests => new DiscogsRateLimitException($"Discogs kept refusing after every retry: too many requests (429){Colon(said)}"),
            _ => new DiscogsApiException(status, said is null
                ? $"Discogs answered {code} {response.ReasonPhrase} without a readable error message."
                : $"Discogs answered {code}: {said}"),
        };
    }

    public static DiscogsApiException Unreadable(HttpResponseMessage response, Exception exception) =>
        new(response.StatusCode, $"Discogs answered {(int)response.StatusCode}, but the answer could not be read"
            + (exception is JsonException { Path: { } path } ? $" (at {path})." : "."), exception);

    public static Exception FromTransport(Exception exception, CancellationToken cancellationToken, IDiscogsAccount account) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => exception,
        DiscogsApiException => exception,
        // The cause is kept for logs unless it carries the token itself.
        _ => new DiscogsConnectionException(
            $"Discogs unreachable: {Scrub(exception.Message, account)}",
            Scrub(exception.ToString(), account) == exception.ToString() ? exception : null),
    };

    // Discogs errors are {"message": "..."}. A proxy in front of it answers HTML (a 502 page): no message then,
    // never a JSON exception.
    private static async Task<string?> ServerMessageAsync(HttpResponseMessage response)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.GetString() is { Length: > 0 } text
                    ? text.Length > LongestServerMessage ? text[..LongestServerMessage] + "..." : text
                    : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or IOException or HttpRequestException)
        {
            return null;
        }
    }

    // A server or proxy that echoes the request must not carry the token into a message shown to users or logs.
    private static string? Scrub(string? text, IDiscogsAccount account) =>
        text is not null && account.Token is { } token ? text.Replace(token, "***", StringComparison.Ordinal) : text;

    private static string Colon(string? said) => said is null ? "." : $": {said}";
}
