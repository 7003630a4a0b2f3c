using System.Globalization;

namespace VinylVault.Core.Discogs;

/// <summary>What a Discogs answer says about the budget: the X-Discogs-Ratelimit* headers and Retry-After.</summary>
internal static class DiscogsRateLimitHeaders
{
    public const string Limit = "X-Discogs-Ratelimit";
    public const string Used = "X-Discogs-Ratelimit-Used";
    public const string Remaining = "X-Discogs-Ratelimit-Remaining";

    // A server asking for more than this is broken or hostile; the caller's token still cancels earlier.
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(10);

    public static int? Read(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
        && value >= 0
            ? value
            : null;

    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, LongestRetryAfter.Ticks)) : null;
    }
}
