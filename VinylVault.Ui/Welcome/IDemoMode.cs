namespace VinylVault.Ui.Welcome;

/// <summary>
/// The demo collection: the real client stack pointed at the Discogs simulator built into the host, with a
/// generated collection and a rate limit that lets a full sync finish in about a minute. Implemented by the host.
/// </summary>
public interface IDemoMode
{
    /// <summary>Whether the saved Discogs account is the simulator's (survives a restart).</summary>
    bool IsActive { get; }

    /// <summary>Records in the demo collection.</summary>
    int CollectionSize { get; }

    /// <summary>Points the client at the simulator, remembers it, and starts the first sync.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops any sync, forgets the demo account and removes the demo records, ready for a real account.</summary>
    Task LeaveAsync(CancellationToken cancellationToken);
}
