using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Sync.Removal;

namespace VinylVault.Core.Sync;

/// <summary>The owner's answer to a held mass removal, kept apart from sync runs so neither sees the other halfway.</summary>
public sealed partial class SyncWorker
{
    /// <summary>Applies the held removal (null: nothing held); refused while a sync runs, whose pass decides afresh.</summary>
    public Task<RemovalResult> TryApplyHeldRemovalAsync(CancellationToken cancellationToken) =>
        ExclusiveAsync(async held => await held.ApplyAsync(cancellationToken) is { } removed ? RemovalResult.Done(removed.Copies, removed.Wants) : RemovalResult.NothingHeld);

    /// <summary>"Keep my records": forgets the held removal until the next sync looks again.</summary>
    public Task<RemovalResult> TryDismissHeldRemovalAsync(CancellationToken cancellationToken) =>
        ExclusiveAsync(async held => await held.DismissAsync(cancellationToken) ? RemovalResult.Done(0) : RemovalResult.NothingHeld);

    // Holds the place of a run while the held removal changes, so no sync starts halfway through.
    private async Task<RemovalResult> ExclusiveAsync(Func<HeldRemovals, Task<RemovalResult>> change)
    {
        CancellationTokenSource placeholder;
        lock (_gate)
        {
            if (_run is not null)
            {
                return RemovalResult.SyncRunning;
            }

            _run = placeholder = new CancellationTokenSource();
            _changingHeld = true;
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        try
        {
            return await change(services.GetRequiredService<HeldRemovals>());
        }
        finally
        {
            lock (_gate)
            {
                (_run, _changingHeld) = (null, false);
                placeholder.Dispose();
                _idle.TrySetResult();
            }
        }
    }
}
