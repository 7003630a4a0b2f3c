using MudBlazor;
using VinylVault.Core.Sync;

namespace VinylVault.Ui.Sync;

/// <summary>Start and cancel as the pages offer them, with the refusal said in a snackbar.</summary>
public sealed class SyncCommands(SyncWorker worker, ISnackbar snackbar)
{
    public void Start(bool forceFull)
    {
        var result = worker.TryStart(forceFull);
        switch (result)
        {
            case SyncStartResult.Started:
                snackbar.Add(forceFull ? "Full sync started: every release is fetched again." : "Sync started.", Severity.Info);
                break;
            case SyncStartResult.AlreadyRunning:
                snackbar.Add("A sync is already running.", Severity.Warning);
                break;
            case SyncStartResult.NotConfigured:
                snackbar.Add("Connect a Discogs account (or the demo) first: Settings → Discogs account.", Severity.Warning);
                break;
        }
    }

    public void Cancel()
    {
        if (worker.TryCancel() == SyncCancelResult.NothingRunning)
        {
            snackbar.Add("No sync is running.", Severity.Info);
        }
    }

    public async Task ApplyRemovalAsync()
    {
        var result = await worker.TryApplyHeldRemovalAsync(CancellationToken.None);
        snackbar.Add(result.Outcome switch
        {
            RemovalOutcome.Done => $"Removed {HeldRemovalWarning.Describe(result.Removed, result.WantsRemoved)} Discogs no longer lists.",
            RemovalOutcome.SyncRunning => "A sync is running: it decides afresh what to remove.",
            _ => "Nothing waits to be removed.",
        }, result.Outcome == RemovalOutcome.Done ? Severity.Success : Severity.Info);
    }

    public async Task KeepRecordsAsync()
    {
        if ((await worker.TryDismissHeldRemovalAsync(CancellationToken.None)).Outcome == RemovalOutcome.Done)
        {
            snackbar.Add("Kept. The next sync looks again.", Severity.Info);
        }
    }
}
