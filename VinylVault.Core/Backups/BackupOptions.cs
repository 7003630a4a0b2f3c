using System.ComponentModel.DataAnnotations;

namespace VinylVault.Core.Backups;

/// <summary>The "Backup" configuration section (design.md). Defaults here, overridden by configuration.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where archives are kept; relative paths are under Storage:DataDirectory (a USB disk or a share works).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "backups";

    /// <summary>A backup this many hours after the newest one; 0 turns the schedule off.</summary>
    [Range(0, 8760)]
    public double IntervalHours { get; set; } = 24;

    /// <summary>The newest this many archives are kept; older ones are deleted after each new backup.</summary>
    [Range(1, 1000)]
    public int Keep { get; set; } = 7;

    /// <summary>The cover cache can be downloaded again, so it is left out unless asked for.</summary>
    public bool IncludeCovers { get; set; }

    public TimeSpan? Interval => IntervalHours > 0 ? TimeSpan.FromHours(IntervalHours) : null;
}
