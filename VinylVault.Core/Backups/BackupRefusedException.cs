namespace VinylVault.Core.Backups;

/// <summary>An archive that cannot be restored; the message says why, in words the owner can act on. Nothing was changed.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
