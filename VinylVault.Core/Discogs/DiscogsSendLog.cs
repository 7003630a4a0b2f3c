using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace VinylVault.Core.Discogs;

/// <summary>
/// The rate limiter's memory across restarts: a small text file in the data directory with when each permit still
/// out goes back (or that it was in flight) and any hold after a 429. Written before every request goes out, so a
/// process started after a kill, a crash or a clean stop knows the window its predecessor used.
/// </summary>
/// <remarks>
/// Written to a temporary file and renamed over the old one, so a reader sees the old record or the new, never half
/// of one. Not flushed to the disk: a killed process's writes stay in the page cache, and a machine that lost power
/// takes longer than a window to boot.
/// </remarks>
public sealed class DiscogsSendLog(string path, ILogger<DiscogsSendLog> logger)
{
    public const string FileName = "discogs-ratelimit.txt";

    private readonly string _temporary = path + ".tmp";
    private readonly StringBuilder _text = new();
    private bool _failed;

    public string Path => path;

    /// <summary>Replaces the record. A failure to write is logged once and never stops a request.</summary>
    public void Save(DiscogsSendRecord record)
    {
        _text.Clear();
        _text.Append(CultureInfo.InvariantCulture, $"hold {record.HoldUntil.UtcTicks}\ninflight {record.InFlight}\n");
        foreach (var due in record.Due)
        {
            _text.Append(CultureInfo.InvariantCulture, $"due {due.UtcTicks}\n");
        }

        try
        {
            File.WriteAllText(_temporary, _text.ToString());
            File.Move(_temporary, path, overwrite: true);
            _failed = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_failed)
            {
                logger.LogWarning(ex, "Could not record the Discogs rate limit in {Path}; a restart may not know this window's requests", path);
            }

            _failed = true;
        }
    }

    /// <summary>What the last process recorded, or an empty record when there is none (or it cannot be read).</summary>
    public DiscogsSendRecord Load()
    {
        var hold = DateTimeOffset.MinValue;
        var inFlight = 0;
        var due = new List<DateTimeOffset>();
        try
        {
            foreach (var line in File.Exists(path) ? File.ReadAllLines(path) : [])
            {
                var parts = line.Split(' ');
                if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
                {
                    continue;
                }

                switch (parts[0])
                {
                    case "hold" when value <= DateTimeOffset.MaxValue.UtcTicks:
                        hold = new DateTimeOffset(value, TimeSpan.Zero);
                        break;
                    case "inflight":
                        inFlight = (int)Math.Min(value, 10_000);
                        break;
                    case "due" when value <= DateTimeOffset.MaxValue.UtcTicks:
                        due.Add(new DateTimeOffset(value, TimeSpan.Zero));
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not read the Discogs rate limit record {Path}; the server's answers correct the limiter instead", path);
        }

        return new DiscogsSendRecord(hold, inFlight, due);
    }
}

/// <summary>The limiter's state worth keeping: a hold after a 429, requests in flight, and when each other permit goes back.</summary>
public sealed record DiscogsSendRecord(DateTimeOffset HoldUntil, int InFlight, IReadOnlyList<DateTimeOffset> Due);
