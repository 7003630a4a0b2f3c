using System.Globalization;
using System.Text.Json;
using VinylVault.Api.Simulator.Wire;

namespace VinylVault.Api.Simulator;

/// <summary>
/// Discogs' wantlist writes: PUT adds a release (201 with the want; again on a wanted one, it sets notes and rating),
/// POST edits one (200), DELETE removes one (204). All three are idempotent. notes and rating come in the JSON body
/// or the query string; a rating is 0 to 5, and a release the database lacks is a 404.
/// </summary>
internal static class DiscogsSimulatorWantWrites
{
    private const string Path = "/users/{username}/wants/{releaseId:long}";

    public static void Map(RouteGroupBuilder api, Lazy<DiscogsSimulator> sim, Func<HttpRequest, SimulatorLinks> links)
    {
        api.MapPut(Path, async (HttpContext http, string username, long releaseId) =>
        {
            var (notes, rating, invalid) = await ReadAsync(http.Request);
            return DiscogsSimulatorWrites.Write(sim.Value, http, username, () =>
                invalid ?? (sim.Value.Collection.Wantlist.Put(releaseId, notes, rating) is { } want
                    ? Want(sim.Value, want, links(http.Request), 201)
                    : SimulatorResult.Message(404, "Release not found.")));
        }).AddEndpointFilter(new SimulatorGate(sim, "want_put"));

        api.MapPost(Path, async (HttpContext http, string username, long releaseId) =>
        {
            var (notes, rating, invalid) = await ReadAsync(http.Request);
            return DiscogsSimulatorWrites.Write(sim.Value, http, username, () =>
                invalid ?? (!sim.Value.Catalog.TryGetIndex(releaseId, out _) ? SimulatorResult.Message(404, "Release not found.")
                    : sim.Value.Collection.Wantlist.Edit(releaseId, notes, rating) is { } want ? Want(sim.Value, want, links(http.Request), 200)
                    : SimulatorResult.Message(404, "Release not in wantlist.")));
        }).AddEndpointFilter(new SimulatorGate(sim, "want_edit"));

        api.MapDelete(Path, (HttpContext http, string username, long releaseId) =>
            DiscogsSimulatorWrites.Write(sim.Value, http, username, () =>
                sim.Value.Collection.Wantlist.Remove(releaseId) ? DiscogsSimulatorWrites.NoContent() : SimulatorResult.Message(404, "Release not in wantlist.")))
            .AddEndpointFilter(new SimulatorGate(sim, "want_remove"));
    }

    private static async Task<(string? Notes, int? Rating, SimulatorResult? Invalid)> ReadAsync(HttpRequest request)
    {
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0 ? await DiscogsSimulatorWrites.BodyAsync(request) : null;
        var notes = body is { } b && b.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
            : request.Query.TryGetValue("notes", out var q) ? q.ToString() : null;
        var ratingText = body is { } c && c.TryGetProperty("rating", out var r) ? r.ToString()
            : request.Query.TryGetValue("rating", out var qr) ? qr.ToString() : null;
        if (ratingText is null)
        {
            return (notes, null, null);
        }

        return int.TryParse(ratingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rating) && rating is >= 0 and <= 5
            ? (notes, rating, null)
            : (notes, null, SimulatorResult.Message(422, "Rating must be an integer between 0 and 5."));
    }

    private static SimulatorResult Want(DiscogsSimulator sim, SimulatedWant want, SimulatorLinks links, int status) =>
        SimulatorResult.Json(SimulatorAnswers.Want(sim, want, links), status);
}
