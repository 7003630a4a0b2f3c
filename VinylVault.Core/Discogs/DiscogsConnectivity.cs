using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VinylVault.Core.Discogs;

/// <summary>Whether Discogs answered, as of <see cref="At"/>; <see cref="Problem"/> says why not, in words for people.</summary>
public sealed record DiscogsReachability(bool Online, string? Problem, DateTimeOffset At);

/// <summary>
/// Is Discogs reachable with our token? Learned for free from every answer the client stack gets; asked with one
/// identity request only when nobody has talked to Discogs for <see cref="FreshFor"/>, because every request is
/// precious. A caller never waits long for the answer: status pages must keep working when Discogs hangs.
/// </summary>
public sealed class DiscogsConnectivity(IServiceProvider services, IDiscogsAccount account, TimeProvider time)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private Task<DiscogsReachability>? _probe;
    private volatile DiscogsReachability? _last;

    /// <summary>What the last answer (or failure) said, without asking Discogs; null before any.</summary>
    public DiscogsReachability? Last => _last;

    /// <summary>Raised when Discogs goes from reachable to not, or back (not on every answer).</summary>
    public event Action? Changed;

    public async Task<DiscogsReachability> CheckAsync(CancellationToken cancellationToken)
    {
        if (account.Token is null)
        {
            return new(false, "No Discogs account is set up.", time.GetUtcNow());
        }

        if (_last is { } last && time.GetUtcNow() - last.At < FreshFor)
        {
            return last;
        }

        // One probe at a time, shared by every caller; it outlives a caller that stops waiting.
        var completion = new TaskCompletionSource<DiscogsReachability>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<DiscogsReachability> probe;
        lock (_gate)
        {
            probe = _probe ??= completion.Task;
        }

        if (probe == completion.Task)
        {
            _ = ProbeAsync(completion);
        }

        try
        {
            return await probe.WaitAsync(AnswerWithin, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return _last ?? new(false, "Discogs has not answered yet.", time.GetUtcNow());
        }
    }

    /// <summary>Forgets what was seen, e.g. when the account changes.</summary>
    public void Reset() => _last = null;

    internal void Observe(bool online, string? problem)
    {
        var before = _last;
        _last = new(online, problem, time.GetUtcNow());
        if (before?.Online != online || before.Problem != problem)
        {
            Changed?.Invoke();
        }
    }

    private async Task ProbeAsync(TaskCompletionSource<DiscogsReachability> completion)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ProbeTimeout, time);
            var (online, message) = await services.GetRequiredService<DiscogsClient>().TestConnectionAsync(timeout.Token);
            Observe(online, online ? null : message);
        }
        catch (OperationCanceledException)
        {
            Observe(false, "Discogs did not answer in time.");
        }
        catch (HttpRequestException)
        {
            Observe(false, "Discogs is unreachable.");
        }
        finally
        {
            lock (_gate)
            {
                _probe = null;
            }

            completion.TrySetResult(_last ?? new(false, "Discogs could not be asked.", time.GetUtcNow()));
        }
    }
}

/// <summary>Watches every try of the Discogs client: an answer means reachable (401: the token is refused), an error means not.</summary>
internal sealed class DiscogsConnectivityHandler(DiscogsConnectivity connectivity) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var code = (int)response.StatusCode;
            connectivity.Observe(code is < 500 and not 401, code switch
            {
                401 => "Discogs rejected the token.",
                >= 500 => $"Discogs answered {code}.",
                _ => null,
            });
            return response;
        }
        catch (HttpRequestException)
        {
            connectivity.Observe(false, "Discogs is unreachable.");
            throw;
        }
    }
}

public static class DiscogsConnectivityRegistration
{
    public static IHostApplicationBuilder AddDiscogsConnectivity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DiscogsConnectivity>();
        builder.Services.AddTransient<DiscogsConnectivityHandler>();
        builder.Services.AddHttpClient(DiscogsClientRegistration.HttpClientName).AddHttpMessageHandler<DiscogsConnectivityHandler>();
        return builder;
    }
}
