using VinylVault.Core.Sync;

namespace VinylVault.Ui.Sync;

public readonly record struct SyncUpdate(SyncStatus Status, bool IsFinal);
