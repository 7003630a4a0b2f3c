namespace VinylVault.Ui.Settings;

/// <summary>What Discogs answered to a connection attempt, in its words ("Connected as alice").</summary>
public sealed record ConnectionResult(bool Ok, string Message);
