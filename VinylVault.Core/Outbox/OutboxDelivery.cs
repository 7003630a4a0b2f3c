using System.Globalization;
using System.Net;
using System.Text.Json;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Outbox;

internal enum DeliveryResult { Sent, Failed, Retry }

/// <summary>What became of one delivery: for an add or a folder creation, the id Discogs gave.</summary>
internal sealed record Delivery(DeliveryResult Result, long? DiscogsId = null, string? Message = null);

/// <summary>
/// Says one entry to Discogs through the client stack (the one limiter, the retry policy). An add or a folder
/// creation whose earlier attempt has no known outcome is first looked up, and adopted when Discogs has it.
/// </summary>
internal sealed class OutboxDelivery(IDiscogsApi api, DiscogsClient client)
{
    public async Task<Delivery> DeliverAsync(OutboxEntry entry, bool outcomeUnknown, CancellationToken cancellationToken)
    {
        // The owner is waiting for the pending mark to go: served before the sync's queued requests, in the one budget.
        using var lane = DiscogsLane.Interactive();
        try
        {
            var user = await client.GetUsernameAsync(cancellationToken);
            if (outcomeUnknown && await FindAsync(user, entry, cancellationToken) is { } found)
            {
                return new Delivery(DeliveryResult.Sent, found);
            }

            return await SendAsync(user, entry, cancellationToken);
        }
        catch (DiscogsApiException ex) when (IsTransient(ex))
        {
            return new Delivery(DeliveryResult.Retry, Message: ex.Message);
        }
        catch (DiscogsApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && entry.Kind is OutboxKind.Remove or OutboxKind.DeleteFolder or OutboxKind.WantRemove)
        {
            // Already gone: what the owner wanted.
            return new Delivery(DeliveryResult.Sent);
        }
        catch (DiscogsApiException ex)
        {
            return new Delivery(DeliveryResult.Failed, Message: ex.Message);
        }
    }

    /// <summary>No answer, a server error, too many requests, or a token Discogs rejects (401: the owner must fix it; the entry itself is fine).</summary>
    public static bool IsTransient(DiscogsApiException ex) =>
        ex is DiscogsConnectionException or DiscogsRateLimitException
        || ex.StatusCode is null or HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout || (int)ex.StatusCode >= 500;

    private async Task<Delivery> SendAsync(string user, OutboxEntry e, CancellationToken cancellationToken)
    {
        var folder = e.FolderId ?? 0;
        var (release, instance) = (e.ReleaseId ?? 0, e.InstanceId ?? 0);
        switch (e.Kind)
        {
            case OutboxKind.Add:
                return new Delivery(DeliveryResult.Sent, (await api.AddReleaseAsync(user, e.ToFolderId!.Value, release, cancellationToken)).InstanceId);
            case OutboxKind.Rating:
                await api.EditInstanceAsync(user, folder, release, instance, new InstanceChange(Rating: int.Parse(e.Value!, CultureInfo.InvariantCulture)), cancellationToken);
                break;
            case OutboxKind.Move:
                await api.EditInstanceAsync(user, folder, release, instance, new InstanceChange(FolderId: e.ToFolderId), cancellationToken);
                break;
            case OutboxKind.Field:
                await api.SetFieldAsync(user, folder, release, instance, e.FieldId!.Value, new FieldValue(e.Value ?? ""), cancellationToken);
                break;
            case OutboxKind.Remove:
                await api.RemoveInstanceAsync(user, folder, release, instance, cancellationToken);
                break;
            case OutboxKind.CreateFolder:
                return new Delivery(DeliveryResult.Sent, (await api.CreateFolderAsync(user, new FolderName(e.Value!), cancellationToken)).Id);
            case OutboxKind.RenameFolder:
                await api.RenameFolderAsync(user, folder, new FolderName(e.Value!), cancellationToken);
                break;
            case OutboxKind.DeleteFolder:
                await api.DeleteFolderAsync(user, folder, cancellationToken);
                break;
            case OutboxKind.WantAdd:
                await api.PutWantAsync(user, release, WantValue(e), cancellationToken);
                break;
            case OutboxKind.WantEdit:
                await api.EditWantAsync(user, release, WantValue(e), cancellationToken);
                break;
            case OutboxKind.WantRemove:
                await api.RemoveWantAsync(user, release, cancellationToken);
                break;
        }

        return new Delivery(DeliveryResult.Sent);
    }

    private static WantChange WantValue(OutboxEntry e) => JsonSerializer.Deserialize<WantChange>(e.Value!, DiscogsJson.Options)!;

    /// <summary>The copy (or folder) an earlier attempt may have created: one Discogs lists that was not known before that attempt.</summary>
    private async Task<long?> FindAsync(string user, OutboxEntry e, CancellationToken cancellationToken)
    {
        var known = e.Previous is null ? [] : JsonSerializer.Deserialize<HashSet<long>>(e.Previous) ?? [];
        if (e.Kind == OutboxKind.Add)
        {
            CollectionPage copies;
            try
            {
                copies = await api.GetReleaseInstancesAsync(user, e.ReleaseId!.Value, cancellationToken);
            }
            catch (DiscogsNotFoundException)
            {
                return null;
            }

            return copies.Releases.Where(c => !known.Contains(c.InstanceId))
                .OrderBy(c => c.FolderId == e.ToFolderId ? 0 : 1).ThenBy(c => c.InstanceId)
                .Select(c => (long?)c.InstanceId).FirstOrDefault();
        }

        if (e.Kind == OutboxKind.CreateFolder)
        {
            var folders = await api.GetFoldersAsync(user, cancellationToken);
            return folders.Folders.Where(f => f.Name == e.Value && !known.Contains(f.Id)).Select(f => (long?)f.Id).FirstOrDefault();
        }

        return null;
    }
}
