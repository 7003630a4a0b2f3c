using VinylVault.Core.Backups;

namespace VinylVault.Api.Backups;

/// <summary>
/// `VinylVault.Api restore &lt;archive&gt;` (or `dotnet VinylVault.Api.dll restore &lt;archive&gt;`), run while the app is
/// stopped: the same configuration as the app (so the same data directory), no web server, an exit code for scripts.
/// </summary>
public static class RestoreCommand
{
    public const string Verb = "restore";

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    /// <summary>The arguments the host should see: configuration switches after the archive (--Storage:DataDirectory=...).</summary>
    public static string[] HostArguments(string[] args) => IsRequested(args) ? args[Math.Min(2, args.Length)..] : args;

    public static async Task<int> RunRestoreAsync(this WebApplication app, string[] args)
    {
        if (args is not [Verb, var archive, ..])
        {
            await Console.Error.WriteLineAsync("usage: VinylVault.Api restore <archive.zip> [--Storage:DataDirectory=<folder>]");
            return 2;
        }

        try
        {
            var manifest = await app.Services.GetRequiredService<BackupRestorer>().RestoreAsync(Path.GetFullPath(archive), CancellationToken.None);
            await Console.Out.WriteLineAsync(
                $"Restored the backup made {manifest.CreatedAt:u} by VinylVault {manifest.AppVersion}: {manifest.Releases} releases, {manifest.Copies} copies. Start VinylVault to use it.");
            return 0;
        }
        catch (BackupRefusedException ex)
        {
            await Console.Error.WriteLineAsync($"Not restored: {ex.Message} Nothing was changed.");
            return 1;
        }
    }
}
