using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Core.Backups;

namespace VinylVault.Api.Backups;

public sealed record BackupList(IReadOnlyList<BackupInfo> Backups);

/// <summary>Backups on demand, the list, download and delete. Names are checked against the archive pattern: nothing outside the folder is reachable.</summary>
public static class BackupEndpoints
{
    public static RouteGroupBuilder MapBackupEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/backups").WithTags("Backups");
        group.MapPost("/", Create).WithSummary("Back up now")
            .WithDescription("Writes a verified archive (database, Data Protection key ring, manifest) to Backup:Directory; 201 with its name, size, time and SHA-256.");
        group.MapGet("/", List).WithSummary("The archives, newest first")
            .WithDescription("Every complete archive in Backup:Directory with its name, size, time and SHA-256.");
        group.MapGet("/{name}", Download).WithSummary("Download an archive")
            .WithDescription("The archive holds the key ring that decrypts the stored Discogs token: keep it as private as the data directory.");
        group.MapDelete("/{name}", Delete).WithSummary("Delete an archive")
            .WithDescription("204; 404 for an unknown or invalid name.");
        return api;
    }

    private static async Task<Created<BackupInfo>> Create(BackupWriter writer, CancellationToken cancellationToken)
    {
        var backup = await writer.CreateAsync(cancellationToken);
        return TypedResults.Created($"/api/backups/{backup.Name}", backup);
    }

    private static Ok<BackupList> List(BackupStore store) => TypedResults.Ok(new BackupList(store.List()));

    private static Results<FileStreamHttpResult, ProblemHttpResult> Download(string name, BackupStore store) =>
        store.PathOf(name) is { } path && File.Exists(path)
            ? TypedResults.File(File.OpenRead(path), "application/zip", name)
            : NotFound(name);

    private static Results<NoContent, ProblemHttpResult> Delete(string name, BackupStore store) =>
        store.Delete(name) ? TypedResults.NoContent() : NotFound(name);

    private static ProblemHttpResult NotFound(string name) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such backup.", detail: BackupStore.IsValidName(name)
            ? $"There is no backup named {name}."
            : "Backup names look like vinylvault-20260102-030405.zip.");
}
