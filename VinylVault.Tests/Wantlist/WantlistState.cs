using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using VinylVault.Api.Simulator;

namespace VinylVault.Tests.Wantlist;

/// <summary>A wantlist as one line per want ("release|rating|notes"), ordered by release: the simulator's, or VinylVault's through REST.</summary>
internal static class WantlistState
{
    public static List<string> Of(DiscogsSimulator simulator) =>
        [.. simulator.Collection.Wants.Select(w => Line(w.ReleaseId, w.Rating, w.Notes)).Order(StringComparer.Ordinal)];

    public static async Task<List<string>> LocalAsync(HttpClient client) =>
        [.. (await ItemsAsync(client)).Select(w => Line(w.GetProperty("release_id").GetInt64(), w.GetProperty("rating").GetInt32(), w.GetProperty("notes").GetString()!))
            .Order(StringComparer.Ordinal)];

    /// <summary>Every want through GET /api/wantlist, page by page.</summary>
    public static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string query = "")
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await client.GetFromJsonAsync<JsonElement>($"/api/wantlist?page={page}&page_size=100{query}");
            items.AddRange(answer.GetProperty("items").EnumerateArray());
            if (items.Count >= answer.GetProperty("total").GetInt32() || answer.GetProperty("items").GetArrayLength() == 0)
            {
                return items;
            }
        }
    }

    private static string Line(long releaseId, int rating, string notes) => string.Create(CultureInfo.InvariantCulture, $"{releaseId}|{rating}|{notes}");
}
