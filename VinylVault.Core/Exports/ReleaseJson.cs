using System.Text.Json;
using VinylVault.Core.Collection;

namespace VinylVault.Core.Exports;

/// <summary>One release of the JSON export, in snake_case like the REST API; copies carry their field values by field id.</summary>
internal static class ReleaseJson
{
    public static void Write(Utf8JsonWriter json, Release r)
    {
        json.WriteStartObject();
        json.WriteNumber("id", r.Id);
        json.WriteString("title", r.Title);
        json.WriteString("artist", r.ArtistDisplay);
        Number(json, "year", r.Year);
        json.WriteString("released", r.Released);
        json.WriteString("country", r.Country);
        Number(json, "master_id", r.MasterId);
        json.WriteString("notes", r.Notes);
        json.WriteString("data_quality", r.DataQuality);
        json.WriteString("discogs_url", r.DiscogsUrl);
        json.WriteString("thumb", r.Thumb);
        json.WriteString("cover_image", r.CoverImage);
        json.WriteBoolean("has_details", r.HasDetails);
        Array(json, "artists", r.Artists.OrderBy(a => a.Sequence), a =>
        {
            json.WriteNumber("id", a.ArtistId);
            json.WriteString("name", a.Artist.Name);
            json.WriteString("anv", a.Anv);
            json.WriteString("join", a.Join);
        });
        Array(json, "labels", r.Labels.OrderBy(l => l.Sequence), l =>
        {
            json.WriteNumber("id", l.LabelId);
            json.WriteString("name", l.Label.Name);
            json.WriteString("catno", l.Catno);
        });
        Array(json, "formats", r.Formats.OrderBy(f => f.Sequence), f =>
        {
            json.WriteString("name", f.Name);
            Number(json, "qty", f.Qty);
            json.WriteString("text", f.Text);
            json.WriteStartArray("descriptions");
            f.Descriptions.ForEach(json.WriteStringValue);
            json.WriteEndArray();
        });
        Strings(json, "genres", r.Genres.Select(g => g.Name).Order(StringComparer.Ordinal));
        Strings(json, "styles", r.Styles.Select(s => s.Name).Order(StringComparer.Ordinal));
        Array(json, "tracklist", r.Tracks.OrderBy(t => t.Sequence), t =>
        {
            json.WriteString("position", t.Position);
            json.WriteString("title", t.Title);
            json.WriteString("duration", t.Duration);
            json.WriteString("type", t.Type);
        });
        Array(json, "images", r.Images.OrderBy(i => i.Sequence), i =>
        {
            json.WriteString("type", i.Type);
            json.WriteString("uri", i.Uri);
            json.WriteString("uri150", i.Uri150);
            json.WriteNumber("width", i.Width);
            json.WriteNumber("height", i.Height);
        });
        Array(json, "copies", r.Instances.OrderBy(i => i.InstanceId), i =>
        {
            json.WriteNumber("instance_id", i.InstanceId);
            json.WriteNumber("folder_id", i.FolderId);
            json.WriteNumber("rating", i.Rating);
            json.WriteString("date_added", i.DateAdded);
            Array(json, "fields", i.Notes.OrderBy(n => n.FieldId), n =>
            {
                json.WriteNumber("field_id", n.FieldId);
                json.WriteString("value", n.Value);
            });
        });
        json.WriteEndObject();
    }

    private static void Array<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
