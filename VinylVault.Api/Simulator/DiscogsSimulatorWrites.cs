using System.Text.Json;
using VinylVault.Api.Simulator.Generation;
using VinylVault.Api.Simulator.Wire;

namespace VinylVault.Api.Simulator;

/// <summary>
/// Discogs' collection writes with its answers and rules: add a copy (201, never idempotent), rate or move it,
/// remove it, set a custom field (a dropdown takes only its options), list one release's copies, and the folder
/// writes. The fault switch <see cref="SimulatorFaults.DropAfterWrite"/> applies a write, then drops the connection.
/// </summary>
internal static class DiscogsSimulatorWrites
{
    /// <summary>The longest text a field takes (the same figure VinylVault checks before it queues one).</summary>
    public const int MaxFieldLength = 255;

    private const string Instance = "/users/{username}/collection/folders/{folderId:int}/releases/{releaseId:long}/instances/{instanceId:long}";

    public static void MapDiscogsWrites(this RouteGroupBuilder api, Lazy<DiscogsSimulator> sim, Func<HttpRequest, SimulatorLinks> links)
    {
        api.MapPost("/users/{username}/collection/folders/{folderId:int}/releases/{releaseId:long}", (HttpContext http, string username, int folderId, long releaseId) =>
            Write(sim.Value, http, username, () =>
                folderId == 0 ? SimulatorResult.Message(422, "Cannot add a release to folder 0 (All); use 1 (Uncategorized) or a folder of your own.")
                : !sim.Value.Collection.HasFolder(folderId) ? SimulatorResult.Message(404, "Folder not found.")
                : !sim.Value.Catalog.TryGetIndex(releaseId, out _) ? SimulatorResult.Message(404, "Release not found.")
                : Created(sim.Value.Collection.AddCopy(releaseId, folderId, blank: true), links(http.Request), sim.Value.Username)))
            .AddEndpointFilter(new SimulatorGate(sim, "add"));

        api.MapPost(Instance, async (HttpContext http, string username, int folderId, long releaseId, long instanceId) =>
        {
            var body = await BodyAsync(http.Request);
            return Write(sim.Value, http, username, () => Copy(sim.Value, folderId, releaseId, instanceId) ?? Edit(sim.Value, instanceId, body));
        }).AddEndpointFilter(new SimulatorGate(sim, "edit_instance"));

        api.MapDelete(Instance, (HttpContext http, string username, int folderId, long releaseId, long instanceId) =>
            Write(sim.Value, http, username, () => Copy(sim.Value, folderId, releaseId, instanceId)
                ?? (sim.Value.Collection.Remove(instanceId) ? NoContent() : SimulatorResult.Message(404, "Instance not found."))))
            .AddEndpointFilter(new SimulatorGate(sim, "remove_instance"));

        api.MapPost(Instance + "/fields/{fieldId:int}", async (HttpContext http, string username, int folderId, long releaseId, long instanceId, int fieldId) =>
        {
            var body = await BodyAsync(http.Request);
            var value = body is { } json && json.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : http.Request.Query["value"].ToString();
            return Write(sim.Value, http, username, () => Copy(sim.Value, folderId, releaseId, instanceId) ?? SetField(sim.Value, instanceId, fieldId, value ?? ""));
        }).AddEndpointFilter(new SimulatorGate(sim, "set_field"));

        api.MapGet("/users/{username}/collection/releases/{releaseId:long}", (HttpRequest r, string username, long releaseId) =>
            DiscogsSimulatorEndpoints.ForOwner(sim.Value, username) ?? (sim.Value.Catalog.TryGetIndex(releaseId, out _)
                ? SimulatorResult.Json(SimulatorAnswers.ReleaseCopies(sim.Value, links(r), releaseId))
                : SimulatorResult.Message(404, "Release not found.")))
            .AddEndpointFilter(new SimulatorGate(sim, "release_copies"));

        DiscogsSimulatorFolderWrites.Map(api, sim, links);
        DiscogsSimulatorWantWrites.Map(api, sim, links);
    }

    /// <summary>The owner check, the write, then the fault switch that drops the connection after the write was applied.</summary>
    internal static SimulatorResult Write(DiscogsSimulator sim, HttpContext http, string username, Func<SimulatorResult> write)
    {
        if (DiscogsSimulatorEndpoints.ForOwner(sim, username) is { } notOwner)
        {
            return notOwner;
        }

        if (sim.Faults.WritesUnavailable)
        {
            return SimulatorResult.Error(System.Net.HttpStatusCode.ServiceUnavailable);
        }

        var result = write();
        if (result.StatusCode < 300 && sim.Faults.TakeDropAfterWrite())
        {
            http.Abort();
        }

        return result;
    }

    internal static async Task<JsonElement?> BodyAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static SimulatorResult NoContent() => new(204, [], SimulatorResult.JsonType);

    // Discogs finds a copy by the whole path: its current folder, its release and its instance id.
    private static SimulatorResult? Copy(DiscogsSimulator sim, int folderId, long releaseId, long instanceId) =>
        sim.Collection.Items.Any(i => i.InstanceId == instanceId && i.ReleaseId == releaseId && i.FolderId == folderId)
            ? null
            : SimulatorResult.Message(404, "Instance not found.");

    private static SimulatorResult Edit(DiscogsSimulator sim, long instanceId, JsonElement? body)
    {
        int? rating = body is { } b && b.TryGetProperty("rating", out var r) && r.TryGetInt32(out var n) ? n : null;
        int? folder = body is { } c && c.TryGetProperty("folder_id", out var f) && f.TryGetInt32(out var m) ? m : null;
        if (rating is < 0 or > 5)
        {
            return SimulatorResult.Message(422, "Rating must be an integer between 0 and 5.");
        }

        if (folder is { } target && (target == 0 || !sim.Collection.HasFolder(target)))
        {
            return SimulatorResult.Message(target == 0 ? 422 : 404, target == 0 ? "Cannot move a release to folder 0 (All)." : "Folder not found.");
        }

        if (rating is { } stars)
        {
            sim.Collection.Rate(instanceId, stars);
        }

        if (folder is { } to)
        {
            sim.Collection.Move(instanceId, to);
        }

        return NoContent();
    }

    private static SimulatorResult SetField(DiscogsSimulator sim, long instanceId, int fieldId, string value)
    {
        if (SimulatorAnswers.Fields().Fields.FirstOrDefault(f => f.Id == fieldId) is not { } field)
        {
            return SimulatorResult.Message(404, "Field not found.");
        }

        if (value.Length > 0 && field.Options is { } options && !options.Contains(value))
        {
            return SimulatorResult.Message(422, $"Invalid value for field '{field.Name}'.");
        }

        if (value.Length > MaxFieldLength)
        {
            return SimulatorResult.Message(422, $"Value for field '{field.Name}' is too long.");
        }

        sim.Collection.SetNote(instanceId, fieldId, value.Length == 0 ? null : value);
        return NoContent();
    }

    private static SimulatorResult Created(SimulatedItem item, SimulatorLinks links, string username) =>
        SimulatorResult.Json(new WireAdded(item.InstanceId, $"{links.User(username)}/collection/folders/{item.FolderId}/releases/{item.ReleaseId}/instances/{item.InstanceId}"), 201);
}
