using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Core.Exports;

namespace VinylVault.Api.Exports;

/// <summary>The collection for other tools: Discogs' CSV layout and a complete JSON document, streamed, named with the date.</summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/export").WithTags("Exports");
        group.MapGet("/collection.csv", Csv).WithSummary("The collection as Discogs' collection export (CSV)")
            .WithDescription("Columns: Catalog#, Artist, Title, Label, Format, Rating, Released, release_id, CollectionFolder, Date Added, " +
                             "Collection Media Condition, Collection Sleeve Condition, Collection Notes. One row per owned copy.");
        group.MapGet("/collection.json", Json).WithSummary("Everything about the collection (JSON)")
            .WithDescription("Folders, custom fields, and every release with artists, labels, formats, genres, styles, tracklist, images and its copies.");
        group.MapGet("/wantlist.csv", WantlistCsv).WithSummary("The wantlist as Discogs' wantlist export (CSV)")
            .WithDescription("Columns: Catalog#, Artist, Title, Label, Format, Rating, Released, release_id, Notes. One row per want, oldest first.");
        return api;
    }

    private static PushStreamHttpResult Csv(CollectionCsvExport export, TimeProvider time, HttpContext http) =>
        TypedResults.Stream(stream => export.WriteAsync(stream, http.RequestAborted), "text/csv; charset=utf-8", FileName(time, "csv"));

    private static PushStreamHttpResult Json(CollectionJsonExport export, TimeProvider time, HttpContext http) =>
        TypedResults.Stream(stream => export.WriteAsync(stream, http.RequestAborted), "application/json; charset=utf-8", FileName(time, "json"));

    private static PushStreamHttpResult WantlistCsv(WantlistCsvExport export, TimeProvider time, HttpContext http) =>
        TypedResults.Stream(stream => export.WriteAsync(stream, http.RequestAborted), "text/csv; charset=utf-8", FileName(time, "csv", "wantlist"));

    public static string FileName(TimeProvider time, string extension, string what = "collection") =>
        string.Create(CultureInfo.InvariantCulture, $"vinylvault-{what}-{time.GetUtcNow():yyyy-MM-dd}.{extension}");
}
