using System.Text.Json;
using VinylVault.Api.Simulator.Wire;

namespace VinylVault.Api.Simulator;

/// <summary>Discogs' folder writes: create (201, not idempotent), rename (200), delete (204, only an empty one); 0 and 1 are fixed.</summary>
internal static class DiscogsSimulatorFolderWrites
{
    public static void Map(RouteGroupBuilder api, Lazy<DiscogsSimulator> sim, Func<HttpRequest, SimulatorLinks> links)
    {
        api.MapPost("/users/{username}/collection/folders", async (HttpContext http, string username) =>
        {
            var name = Name(await DiscogsSimulatorWrites.BodyAsync(http.Request));
            return DiscogsSimulatorWrites.Write(sim.Value, http, username, () => name is null
                ? SimulatorResult.Message(422, "A folder needs a name.")
                : Folder(sim.Value, sim.Value.Collection.AddFolder(name), links(http.Request), 201));
        }).AddEndpointFilter(new SimulatorGate(sim, "create_folder"));

        api.MapPost("/users/{username}/collection/folders/{folderId:int}", async (HttpContext http, string username, int folderId) =>
        {
            var name = Name(await DiscogsSimulatorWrites.BodyAsync(http.Request));
            return DiscogsSimulatorWrites.Write(sim.Value, http, username, () =>
                folderId is 0 or 1 ? SimulatorResult.Message(403, "You cannot rename this folder.")
                : !sim.Value.Collection.HasFolder(folderId) ? SimulatorResult.Message(404, "Folder not found.")
                : name is null ? SimulatorResult.Message(422, "A folder needs a name.")
                : Folder(sim.Value, sim.Value.Collection.RenameFolder(folderId, name), links(http.Request), 200));
        }).AddEndpointFilter(new SimulatorGate(sim, "rename_folder"));

        api.MapDelete("/users/{username}/collection/folders/{folderId:int}", (HttpContext http, string username, int folderId) =>
            DiscogsSimulatorWrites.Write(sim.Value, http, username, () =>
                folderId is 0 or 1 ? SimulatorResult.Message(403, "You cannot delete this folder.")
                : !sim.Value.Collection.HasFolder(folderId) ? SimulatorResult.Message(404, "Folder not found.")
                : sim.Value.Collection.CountIn(folderId) > 0 ? SimulatorResult.Message(422, "Only an empty folder can be deleted.")
                : sim.Value.Collection.RemoveFolder(folderId) ? DiscogsSimulatorWrites.NoContent()
                : SimulatorResult.Message(404, "Folder not found.")))
            .AddEndpointFilter(new SimulatorGate(sim, "delete_folder"));
    }

    private static string? Name(JsonElement? body) =>
        body is { } json && json.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static SimulatorResult Folder(DiscogsSimulator sim, SimulatedFolder folder, SimulatorLinks links, int status) =>
        SimulatorResult.Json(new WireFolder(folder.Id, folder.Name, sim.Collection.CountIn(folder.Id), $"{links.User(sim.Username)}/collection/folders/{folder.Id}"), status);
}
