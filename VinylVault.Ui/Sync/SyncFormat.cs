using System.Globalization;
using MudBlazor;
using VinylVault.Core.Sync;

namespace VinylVault.Ui.Sync;

/// <summary>How sync figures read to a person: short, rounded, and never a raw TimeSpan.</summary>
public static class SyncFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string State(SyncState state) => state switch
    {
        SyncState.Idle => "Idle",
        SyncState.Syncing => "Syncing",
        SyncState.Cancelling => "Cancelling",
        SyncState.Completed => "Completed",
        SyncState.Cancelled => "Cancelled",
        SyncState.Failed => "Failed",
        _ => state.ToString(),
    };

    public static Color StateColor(SyncState state) => state switch
    {
        SyncState.Syncing => Color.Primary,
        SyncState.Cancelling => Color.Warning,
        SyncState.Completed => Color.Success,
        SyncState.Cancelled => Color.Warning,
        SyncState.Failed => Color.Error,
        _ => Color.Default,
    };

    public static string StateIcon(SyncState state) => state switch
    {
        SyncState.Syncing => Icons.Material.Filled.Sync,
        SyncState.Cancelling => Icons.Material.Filled.HourglassTop,
        SyncState.Completed => Icons.Material.Filled.CheckCircle,
        SyncState.Cancelled => Icons.Material.Filled.Cancel,
        SyncState.Failed => Icons.Material.Filled.Error,
        _ => Icons.Material.Outlined.Schedule,
    };

    public static string Phase(SyncPhase phase) => phase switch
    {
        SyncPhase.Pages => "Reading collection pages",
        SyncPhase.Details => "Fetching release details",
        _ => "",
    };

    /// <summary>0-100, whole numbers, clamped: a bar that reads "101 %" looks broken.</summary>
    public static string Percent(double percent) =>
        Math.Clamp(Math.Floor(percent), 0, 100).ToString("0", Culture) + " %";

    public static string Count(int value) => value.ToString("N0", Culture);

    public static string Rate(double itemsPerSecond) => itemsPerSecond switch
    {
        <= 0 or double.NaN => "–",
        < 1 => (itemsPerSecond * 60).ToString("0", Culture) + " items/min",
        < 10 => itemsPerSecond.ToString("0.0", Culture) + " items/s",
        _ => itemsPerSecond.ToString("0", Culture) + " items/s",
    };

    /// <summary>Time left until <paramref name="eta"/>, rounded the way people say it.</summary>
    public static string Remaining(DateTimeOffset? eta, DateTimeOffset now)
    {
        if (eta is null)
        {
            return "–";
        }

        var left = eta.Value - now;
        if (left.TotalSeconds < 5)
        {
            return "a few seconds";
        }

        if (left.TotalSeconds < 55)
        {
            return $"{Math.Ceiling(left.TotalSeconds / 5) * 5:0} s";
        }

        var minutes = (int)Math.Ceiling(left.TotalMinutes);
        return minutes switch
        {
            < 60 => $"{minutes} min",
            < 24 * 60 => $"{minutes / 60} h {minutes % 60:00} min",
            _ => $"{minutes / (24 * 60)} d {minutes / 60 % 24} h",
        };
    }

    /// <summary>A run's length: "48 s", "3 min 05 s", "1 h 12 min".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => "under a second",
        { TotalMinutes: < 1 } => $"{span.Seconds} s",
        { TotalHours: < 1 } => $"{span.Minutes} min {span.Seconds:00} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes:00} min",
    };
}
