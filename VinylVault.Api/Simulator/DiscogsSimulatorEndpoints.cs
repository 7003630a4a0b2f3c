using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Api.Simulator.Generation;
using VinylVault.Api.Simulator.Wire;

namespace VinylVault.Api.Simulator;

/// <summary>
/// Discogs' routes, mappable on any app: alone at the root of a test server, or under a prefix (/demo/discogs) in
/// VinylVault itself. All but the images need the token and pass the rate limit; images are free, like Discogs' image host.
/// </summary>
public static partial class DiscogsSimulatorEndpoints
{
    /// <summary>Maps the simulator under <paramref name="prefix"/>, using <paramref name="simulator"/> or the one registered in DI.</summary>
    public static RouteGroupBuilder MapDiscogsSimulator(this IEndpointRouteBuilder endpoints, string prefix = "", DiscogsSimulator? simulator = null)
    {
        // Resolved on first use, so an app can map the demo without building (or validating) it until someone calls.
        var services = endpoints.ServiceProvider;
        var sim = new Lazy<DiscogsSimulator>(() => simulator ?? services.GetRequiredService<DiscogsSimulator>());
        var root = endpoints.MapGroup(prefix).ExcludeFromDescription();
        var api = root.MapGroup("");
        SimulatorLinks Links(HttpRequest r) => new($"{r.Scheme}://{r.Host}{r.PathBase}{prefix.TrimEnd('/')}");

        api.MapGet("/oauth/identity", (HttpRequest r) =>
            SimulatorResult.Json(SimulatorAnswers.Identity(sim.Value, Links(r))))
            .AddEndpointFilter(new SimulatorGate(sim, "identity"));

        api.MapGet("/users/{username}/collection/folders", (HttpRequest r, string username) =>
            ForOwner(sim.Value, username) ?? SimulatorResult.Json(SimulatorAnswers.Folders(sim.Value, Links(r))))
            .AddEndpointFilter(new SimulatorGate(sim, "folders"));

        api.MapGet("/users/{username}/collection/folders/{folderId:int}/releases", (
            HttpRequest r, string username, int folderId, string? page, [FromQuery(Name = "per_page")] string? perPage, string? sort,
            [FromQuery(Name = "sort_order")] string? sortOrder) =>
            ForOwner(sim.Value, username) ?? (!sim.Value.Collection.HasFolder(folderId)
                ? SimulatorResult.Message(404, "Folder not found.")
                : SimulatorResult.Json(SimulatorAnswers.CollectionPage(sim.Value, Links(r), folderId, Int(page), Int(perPage), sort, sortOrder))))
            .AddEndpointFilter(new SimulatorGate(sim, "collection"));

        api.MapGet("/releases/{releaseId:long}", (HttpRequest r, long releaseId, [FromQuery(Name = "curr_abbr")] string? currency) =>
            !sim.Value.Faults.IsHidden(releaseId) && sim.Value.Catalog.TryGet(releaseId, out var release)
                ? SimulatorResult.Json(WireMapper.Release(release, Links(r), SimulatorAnswers.LowestPrice(sim.Value, release, currency)))
                : SimulatorResult.Message(404, "Release not found."))
            .AddEndpointFilter(new SimulatorGate(sim, "release"));

        api.MapGet("/database/search", (HttpRequest r, string? q, string? type, string? barcode, string? catno, string? page, [FromQuery(Name = "per_page")] string? perPage) =>
            SimulatorResult.Json(SimulatorAnswers.Search(sim.Value, Links(r), new SimulatedSearch(q, type, barcode, catno), Int(page), Int(perPage))))
            .AddEndpointFilter(new SimulatorGate(sim, "search"));

        api.MapGet("/users/{username}/collection/value", (string username) =>
            ForOwner(sim.Value, username) ?? SimulatorResult.Json(SimulatorAnswers.Value(sim.Value)))
            .AddEndpointFilter(new SimulatorGate(sim, "value"));

        api.MapGet("/users/{username}/collection/fields", (string username) =>
            ForOwner(sim.Value, username) ?? SimulatorResult.Json(SimulatorAnswers.Fields()))
            .AddEndpointFilter(new SimulatorGate(sim, "fields"));

        api.MapGet("/users/{username}/wants", (HttpRequest r, string username, string? page, [FromQuery(Name = "per_page")] string? perPage) =>
            ForOwner(sim.Value, username) ?? SimulatorResult.Json(SimulatorAnswers.Wants(sim.Value, Links(r), Int(page), Int(perPage))))
            .AddEndpointFilter(new SimulatorGate(sim, "wants"));

        api.MapGet("/marketplace/stats/{releaseId:long}", (long releaseId) =>
            sim.Value.Catalog.TryGet(releaseId, out var release)
                ? SimulatorResult.Json(SimulatorAnswers.MarketplaceStats(release, sim.Value.Options.CurrencyCode))
                : SimulatorResult.Message(404, "Release not found."))
            .AddEndpointFilter(new SimulatorGate(sim, "marketplace_stats"));

        api.MapDiscogsWrites(sim, Links);

        root.MapGet("/images/{name}", async (string name, HttpContext http) =>
        {
            var image = ImageName().Match(name);
            var releaseId = image.Success && long.TryParse(image.Groups["id"].ValueSpan, CultureInfo.InvariantCulture, out var id) ? id : 0;
            await sim.Value.Images.AnswerAsync(http, releaseId, () => Image(sim.Value, image));
            sim.Value.Counters.Answered("image", http.Response.StatusCode, null);
        });

        api.Map("/{**path}", () => SimulatorResult.Error(HttpStatusCode.NotFound))
            .AddEndpointFilter(new SimulatorGate(sim, "unknown"));

        return root;
    }

    private static byte[]? Image(DiscogsSimulator sim, Match match) =>
        match.Success
        && long.TryParse(match.Groups["id"].ValueSpan, CultureInfo.InvariantCulture, out var releaseId)
        && int.TryParse(match.Groups["n"].ValueSpan, CultureInfo.InvariantCulture, out var n)
        && sim.Catalog.TryGet(releaseId, out var release)
        && n >= 1 && n <= release.ImageCount
            ? CoverArt.Png(release, n, thumbnail: match.Groups["small"].Success)
            : null;

    // Another user's collection: Discogs answers as if the user did not exist.
    internal static SimulatorResult? ForOwner(DiscogsSimulator sim, string username) =>
        string.Equals(username, sim.Username, StringComparison.OrdinalIgnoreCase)
            ? null
            : SimulatorResult.Message(404, "User does not exist or may have been deleted.");

    private static int? Int(string? value) => int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^R-(?<small>150-)?(?<id>\d+)-(?<n>\d+)\.png$")]
    private static partial Regex ImageName();
}
