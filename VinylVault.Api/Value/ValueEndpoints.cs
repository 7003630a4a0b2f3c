using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Api.Http;
using VinylVault.Core.Value;

namespace VinylVault.Api.Value;

public sealed record ValuePoint(DateTime At, decimal Minimum, decimal Median, decimal Maximum);

public sealed record ValueCurrent(decimal Minimum, decimal Median, decimal Maximum, DateTime At);

/// <summary>The collection's value: the last snapshot and every one before it, as numbers in <see cref="Currency"/>.</summary>
public sealed record ValueAnswer(string? Currency, ValueCurrent? Current, IReadOnlyList<ValuePoint> History);

/// <summary>GET /api/value, from the local database (one snapshot a day at most, taken by the sync).</summary>
public static class ValueEndpoints
{
    public static RouteGroupBuilder MapValueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/value", GetValue).LocalRead().WithTags("Value")
            .WithSummary("The collection's value over time")
            .WithDescription("Discogs' estimate of the collection's value (minimum, median, maximum) as kept after syncs, at most once a UTC day, " +
                "in the owner's Discogs currency (ISO code). current is the last snapshot, null before the first; history is every snapshot, oldest first.");
        return api;
    }

    private static async Task<Ok<ValueAnswer>> GetValue(ValueSnapshots snapshots, CancellationToken cancellationToken)
    {
        var history = await snapshots.HistoryAsync(cancellationToken);
        var current = history.Count == 0 ? null : history[^1];
        return TypedResults.Ok(new ValueAnswer(
            current?.Currency,
            current is null ? null : new ValueCurrent(current.Minimum, current.Median, current.Maximum, current.At),
            [.. history.Select(s => new ValuePoint(s.At, s.Minimum, s.Median, s.Maximum))]));
    }
}
