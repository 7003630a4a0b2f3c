using System.Buffers;
using System.Net;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;
using VinylVault.Core.Images;

namespace VinylVault.Core.Covers;

public enum DownloadOutcome { Cached, Failed, Refused }

/// <summary>The result of one download. <see cref="Data"/> is rented: give it back with <see cref="Dispose"/>.</summary>
public sealed record Download(DownloadOutcome Outcome, string? Reason, byte[]? Data = null, int Length = 0, string? ContentType = null) : IDisposable
{
    public static Download Refused(string reason) => new(DownloadOutcome.Refused, reason);

    public static Download Failed(string reason) => new(DownloadOutcome.Failed, reason);

    public void Dispose()
    {
        if (Data is not null)
        {
            ArrayPool<byte>.Shared.Return(Data);
        }
    }
}

/// <summary>
/// Fetches one image, trusting nothing of what Discogs' data or the image host says: only allowed origins are asked,
/// every redirect is followed by hand and only to an allowed origin, the body is read up to Images:MaxBytes and no
/// further, and only bytes that are a JPEG, PNG, WebP or GIF are kept. No Discogs token is on this client.
/// </summary>
public sealed class CoverDownloader(IHttpClientFactory clients, ImageOrigins origins, IOptions<CoverOptions> options,
    IOptions<DiscogsOptions> discogs, TimeProvider time)
{
    public const string HttpClientName = "Covers";
    private const int MaxRedirects = 3;

    private readonly long _maxBytes = options.Value.MaxBytes;
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(discogs.Value.TimeoutSeconds);

    public async Task<Download> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !origins.IsAllowed(uri))
        {
            return Download.Refused("not from an allowed image origin");
        }

        var client = clients.CreateClient(HttpClientName);
        try
        {
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (IsRedirect(response.StatusCode))
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return Download.Failed("a redirect without a location");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (!origins.IsAllowed(next))
                    {
                        return Download.Refused("redirected away from the allowed image origins");
                    }

                    uri = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Download.Failed($"the image host answered {(int)response.StatusCode}");
                }

                return await ReadAsync(response, cancellationToken);
            }

            return Download.Failed("too many redirects");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Download.Failed(e is OperationCanceledException ? "the image took too long" : e.Message);
        }
    }

    private async Task<Download> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > _maxBytes)
        {
            return Download.Refused("larger than Images:MaxBytes");
        }

        using var timeout = new CancellationTokenSource(_timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > _maxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return Download.Refused("larger than Images:MaxBytes");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, _maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length, (int)Math.Min(buffer.Length - length, _maxBytes + 1 - length)), linked.Token);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > _maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return Download.Refused("larger than Images:MaxBytes");
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (ImageSniffer.ContentType(buffer.AsSpan(0, length)) is not { } type)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return Download.Refused("not a JPEG, PNG, WebP or GIF image");
        }

        return new Download(DownloadOutcome.Cached, null, buffer, length, type);
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;
}
