using System.Net;

namespace VinylVault.Core.Discogs;

// The server's correction of the local log. Discogs limits per source IP, so other devices at home (or another
// app) spend the same budget. Each answer says how much of it the server saw used when the request arrived.
//
// Every request of ours the server can have counted for that answer still holds a permit now, or was taken after
// this one was sent; so "ours" = what was accounted at send + what was claimed since is an upper bound of our
// share, and anything the server saw beyond it was spent by someone else. That excess is taken from the pool as
// phantom permits held for a full window (we do not know when the others' requests expire, so assume the latest);
// if the pool is short, the excess becomes debt that keeps permits coming back from being released. When the
// server agrees with us, the excess is never positive and nothing is held back: no budget is wasted.
//
// A 429 means the budget is spent right now, whatever we believed: every free permit is held, and nothing goes
// back to the pool, until Retry-After (when sent) or a full window from now. It never assumes the budget reset.
public sealed partial class DiscogsRateLimiter
{
    // Expiry of each unit of server-reported use that no permit covers yet.
    private readonly List<DateTimeOffset> _debt = [];
    private DateTimeOffset _holdUntil = DateTimeOffset.MinValue;
    // Counts every permit taken (requests and phantoms) and every unit of debt, to tell ours from others'.
    private long _claims;
    private int _lastRemaining = -1;

    /// <summary>The Remaining budget Discogs last reported (0 after a 429), or null before the first answer.</summary>
    public int? LastRemaining
    {
        get
        {
            var remaining = Volatile.Read(ref _lastRemaining);
            return remaining < 0 ? null : remaining;
        }
    }

    private void Correct(DiscogsPermit permit, HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            SetRemaining(0);
            Hold(now + (DiscogsRateLimitHeaders.RetryAfter(response, now) ?? Window));
            return;
        }

        var remaining = DiscogsRateLimitHeaders.Read(response, DiscogsRateLimitHeaders.Remaining);
        var used = DiscogsRateLimitHeaders.Read(response, DiscogsRateLimitHeaders.Used);
        var serverLimit = DiscogsRateLimitHeaders.Read(response, DiscogsRateLimitHeaders.Limit);
        if (remaining is { } r)
        {
            SetRemaining(r);
        }

        // Use as the server sees it, on our scale of Limit: a server limit above ours (60 vs 55) leaves room for
        // others before we hold back; one below ours (25 unauthenticated) shrinks our budget to it.
        var spent = remaining is { } left ? Limit - left
            : used is { } u ? u + (serverLimit is { } l ? Limit - l : 0)
            : (int?)null;
        if (spent is not { } seen)
        {
            return;
        }

        var ours = permit.AccountedAtSend + (int)(_claims - permit.ClaimsAtSend);
        var others = Math.Min(seen, Limit) - ours;
        for (var i = 0; i < others; i++)
        {
            _claims++;
            if (TryTakeFreePermit() is { } phantom)
            {
                _returns.Enqueue(phantom, now + Window);
            }
            else
            {
                _debt.Add(now + Window);
            }
        }
    }

    private void Hold(DateTimeOffset until)
    {
        if (until > _holdUntil)
        {
            _holdUntil = until;
        }

        while (TryTakeFreePermit() is { } phantom)
        {
            _claims++;
            _returns.Enqueue(phantom, _holdUntil);
        }
    }

    private void SetRemaining(int remaining)
    {
        Volatile.Write(ref _lastRemaining, remaining);
        _metrics.DiscogsRemaining(remaining);
    }

    private int Accounted(DateTimeOffset now)
    {
        _debt.RemoveAll(until => until <= now);
        return _held + _debt.Count;
    }

    private DateTimeOffset? TakeDebt()
    {
        if (_debt.Count == 0)
        {
            return null;
        }

        var earliest = _debt.Min();
        _debt.Remove(earliest);
        return earliest;
    }
}
