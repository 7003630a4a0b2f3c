using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using VinylVault.Api.Simulator.Wire;

namespace VinylVault.Api.Simulator;

/// <summary>
/// An answer of the simulator: status, bytes and content type, held as bytes so that a fault can cut the JSON short
/// after the endpoint produced it.
/// </summary>
internal sealed class SimulatorResult(int statusCode, byte[] body, string contentType) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string JsonType = "application/json";

    // The page an nginx in front of Discogs serves when the app behind it is down.
    private const string BadGatewayPage =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public string ContentType => contentType;

    public byte[] Body => body;

    public TimeSpan? RetryAfter { get; init; }

    public static SimulatorResult Json<T>(T value, int statusCode = 200, TimeSpan? retryAfter = null) =>
        new(statusCode, WireSerializer.Serialize(value), JsonType) { RetryAfter = retryAfter };

    public static SimulatorResult Message(int statusCode, string message, TimeSpan? retryAfter = null) =>
        Json(new WireMessage(message), statusCode, retryAfter);

    public static SimulatorResult Error(HttpStatusCode status, TimeSpan? retryAfter = null) =>
        Message((int)status, status switch
        {
            HttpStatusCode.TooManyRequests => "You are making requests too quickly.",
            HttpStatusCode.Unauthorized => "You must authenticate to access this resource.",
            HttpStatusCode.NotFound => "The requested resource was not found.",
            HttpStatusCode.InternalServerError => "An internal server error occurred.",
            HttpStatusCode.ServiceUnavailable => "The service is temporarily unavailable. Please try again later.",
            HttpStatusCode.GatewayTimeout => "Query time exceeded. Please try a simpler query.",
            _ => $"{(int)status} error.",
        }, retryAfter);

    public static SimulatorResult BadGateway() => new(502, Encoding.UTF8.GetBytes(BadGatewayPage), "text/html");

    /// <summary>The same answer with its JSON cut in half: a connection dropped mid-body, or a broken proxy.</summary>
    public SimulatorResult Truncated() => new(statusCode, body[..(body.Length / 2)], contentType);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
