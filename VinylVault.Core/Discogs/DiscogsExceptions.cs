using System.Net;

namespace VinylVault.Core.Discogs;

/// <summary>Discogs answered with an error. <see cref="Exception.Message"/> is safe to show: it never holds the token.</summary>
public class DiscogsApiException(HttpStatusCode? statusCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status, or null when no answer came (network, DNS, timeout).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}

/// <summary>401 or 403: the token is missing, wrong or revoked, or the resource belongs to someone else.</summary>
public sealed class DiscogsAuthenticationException(HttpStatusCode statusCode, string message)
    : DiscogsApiException(statusCode, message);

/// <summary>429 still answered after every retry.</summary>
public sealed class DiscogsRateLimitException(string message)
    : DiscogsApiException(HttpStatusCode.TooManyRequests, message);

/// <summary>404: the release (or user) does not exist.</summary>
public sealed class DiscogsNotFoundException(string message)
    : DiscogsApiException(HttpStatusCode.NotFound, message);

/// <summary>No answer: network down, DNS failure, or a timeout.</summary>
public sealed class DiscogsConnectionException(string message, Exception? inner = null)
    : DiscogsApiException(null, message, inner);
