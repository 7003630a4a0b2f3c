namespace VinylVault.Core.Backups;

/// <summary>An archive that passed every check, unpacked into <see cref="Directory"/> (inside the data directory) and ready to apply.</summary>
public sealed record StagedRestore(string Directory, BackupManifest Manifest);
