using System.Globalization;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Discogs;

/// <summary>
/// The per-try timeout, on the TimeProvider. It sits inside the rate limiter, so time spent waiting for a permit
/// never counts, and it covers the body too (Discogs answers are small), so a stalled answer is retried.
/// </summary>
internal sealed class DiscogsTimeoutHandler(IOptions<DiscogsOptions> options, TimeProvider time) : DelegatingHandler
{
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, linked.Token);
            await response.Content.LoadIntoBufferAsync(linked.Token);
            return response;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            response?.Dispose();
            if (exception is IOException)
            {
                // The connection broke mid-answer: transient, like any other network failure.
                throw new HttpRequestException("the connection broke while reading the answer", exception);
            }

            if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"no answer within {_timeout.TotalSeconds:0.###} s"));
            }

            throw;
        }
    }
}
