using System.ComponentModel.DataAnnotations;

namespace VinylVault.Core.Outbox;

/// <summary>Outbox:* settings.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>The longest wait between two attempts while Discogs is unreachable (the wait doubles from 1 s up to this).</summary>
    [Range(1, 3600)]
    public int MaxBackoffSeconds { get; set; } = 60;
}
