using System.Globalization;
using System.Text.Json;

namespace VinylVault.Core.Exports;

/// <summary>One owned copy as the CSV export reads it from the database (one SQL row; formats as a JSON array).</summary>
public sealed class CollectionCsvRow
{
    public long InstanceId { get; init; }
    public long ReleaseId { get; init; }
    public string Artist { get; init; } = "";
    public string Title { get; init; } = "";
    public int? Year { get; init; }
    public int Rating { get; init; }
    public DateTime DateAdded { get; init; }
    public string? Folder { get; init; }
    public string? Catalog { get; init; }
    public string? Labels { get; init; }
    public string? FormatsJson { get; init; }
    public string? MediaCondition { get; init; }
    public string? SleeveCondition { get; init; }
    public string? Notes { get; init; }

    /// <summary>Discogs' way of writing formats: "2xLP, Album, Reissue + CD": quantity, descriptions (or the name), free text.</summary>
    public string Format()
    {
        if (string.IsNullOrEmpty(FormatsJson))
        {
            return "";
        }

        var formats = JsonSerializer.Deserialize<List<StoredFormat>>(FormatsJson) ?? [];
        return string.Join(" + ", formats.Select(f =>
        {
            var words = f.Descriptions is { Count: > 0 } d ? [.. d] : new List<string> { f.Name };
            if (f.Qty is > 1)
            {
                words[0] = string.Create(CultureInfo.InvariantCulture, $"{f.Qty}x{words[0]}");
            }

            if (!string.IsNullOrEmpty(f.Text))
            {
                words.Add(f.Text);
            }

            return string.Join(", ", words);
        }));
    }

    private sealed record StoredFormat(
        [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("qty")] int? Qty,
        [property: System.Text.Json.Serialization.JsonPropertyName("text")] string? Text,
        [property: System.Text.Json.Serialization.JsonPropertyName("descriptions")] List<string>? Descriptions);
}
