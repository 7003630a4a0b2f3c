using System.Net;
using System.Text.Json;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Simulator;

/// <summary>Plain-HttpClient helpers for talking to the simulator the way a Discogs client reads answers.</summary>
internal static class SimulatorHttp
{
    public static async Task<T> GetDiscogsAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonSerializer.Deserialize<T>(await response.Content.ReadAsStreamAsync(), DiscogsJson.Options)
            ?? throw new InvalidOperationException($"GET {path} gave null");
    }

    public static async Task<JsonElement> GetRawAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Walks pages 1..pagination.pages in order, as the sync engine must.</summary>
    public static async Task<List<CollectionPage>> WalkCollectionAsync(this HttpClient client, string username, int folderId = 0, int perPage = 100, string query = "")
    {
        var pages = new List<CollectionPage>();
        var page = 1;
        do
        {
            pages.Add(await client.GetDiscogsAsync<CollectionPage>($"users/{username}/collection/folders/{folderId}/releases?page={page}&per_page={perPage}{query}"));
        }
        while (page++ < pages[^1].Pagination.Pages);

        return pages;
    }

    public static async Task<List<CollectionItem>> CollectionItemsAsync(this HttpClient client, string username, int folderId = 0, string query = "") =>
        [.. (await client.WalkCollectionAsync(username, folderId, query: query)).SelectMany(p => p.Releases)];

    public static int Header(this HttpResponseMessage response, string name) =>
        int.Parse(response.Headers.GetValues(name).Single(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> MessageAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()!;
}
