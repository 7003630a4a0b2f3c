namespace VinylVault.Core.Discogs;

// The limiter's memory across restarts. Before a request goes out, the record of every permit still out is written
// (see DiscogsSendLog); a new process takes the same permits back from its pool until they were due, so it never
// sends into a window its predecessor filled. A request that was in flight when the process stopped may have reached
// Discogs at any moment until then, so it counts as answered now. The server's answers correct the rest (.Server.cs).
public sealed partial class DiscogsRateLimiter
{
    private readonly DiscogsSendLog? _memory;

    private void Restore()
    {
        if (_memory is null)
        {
            return;
        }

        var record = _memory.Load();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var due = record.Due.Where(until => until > now).Concat(Enumerable.Repeat(now + Window, record.InFlight));
            foreach (var until in due)
            {
                _claims++;
                if (TryTakeFreePermit() is { } permit)
                {
                    _returns.Enqueue(permit, until);
                }
                else
                {
                    _debt.Add(until);
                }
            }

            if (record.HoldUntil > now)
            {
                Hold(record.HoldUntil);
            }

            Arm(now);
        }
    }

    /// <summary>Under the gate: records every permit out, those in flight included.</summary>
    private void Remember() => _memory?.Save(new DiscogsSendRecord(
        _holdUntil, _held - _returns.Count, [.. _returns.UnorderedItems.Select(item => item.Priority), .. _debt]));
}
