using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VinylVault.Api.Simulator;
using VinylVault.Core.Collection;
using VinylVault.Tests.Outbox;

namespace VinylVault.Tests.Wantlist;

/// <summary>The wantlist mirrored by the sync against the simulator on a real socket, into a real SQLite file, read through REST.</summary>
public sealed class WantlistSyncTests
{
    private const int Wants = 320;

    [Fact]
    public async Task A_wantlist_of_320_syncs_is_browsable_and_an_unchanged_one_costs_its_4_page_requests_only()
    {
        await using var vault = await EditingVault.StartAsync(collectionSize: 60, wantlistSize: Wants,
            (discogs, settings) => settings["Images:AllowedOrigins:0"] = new Uri(discogs.BaseUrl).GetLeftPart(UriPartial.Authority));
        var simulator = vault.Simulator;
        var owned = simulator.Collection.ReleaseIds.ToHashSet();

        Assert.Equal(WantlistState.Of(simulator), await WantlistState.LocalAsync(vault.Client));
        var items = await WantlistState.ItemsAsync(vault.Client);
        Assert.Equal(Wants, items.Count);
        Assert.All(items, w => Assert.Equal(owned.Contains(w.GetProperty("release_id").GetInt64()), w.GetProperty("in_collection").GetBoolean()));
        Assert.Contains(items, w => w.GetProperty("in_collection").GetBoolean());
        Assert.All(items, w => Assert.False(w.GetProperty("pending").GetBoolean()));
        Assert.All(items, w => Assert.NotEmpty(w.GetProperty("title").GetString()!));
        Assert.All(items, w => Assert.NotEqual(0, w.GetProperty("formats").GetArrayLength()));
        Assert.All(items, w => Assert.Equal(string.IsNullOrEmpty(w.GetProperty("thumb").GetString()) ? null : $"/covers/{w.GetProperty("release_id").GetInt64()}/thumb",
            w.GetProperty("local_thumb").GetString()));

        // Sorted and searched in the database.
        var byTitle = await vault.Client.GetFromJsonAsync<JsonElement>("/api/wantlist?sort=title&order=asc&page_size=500");
        var titles = byTitle.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("title").GetString()!).ToList();
        // By title without case or accents: "Échoes" sorts with "Echoes".
        var keys = titles.Select(TextFold.Fold).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        var word = titles[7].Split(' ')[0];
        var found = await WantlistState.ItemsAsync(vault.Client, $"&q={Uri.EscapeDataString(word)}");
        Assert.InRange(found.Count, 1, Wants - 1);
        Assert.All(found, w => Assert.Contains(word, w.GetProperty("title").GetString() + " " + w.GetProperty("artist").GetString(), StringComparison.OrdinalIgnoreCase));

        // Filtered at a record fair: only what is not owned yet, or only the five-star wants.
        var notOwned = await WantlistState.ItemsAsync(vault.Client, "&in_collection=false");
        Assert.Equal(items.Count(w => !w.GetProperty("in_collection").GetBoolean()), notOwned.Count);
        Assert.All(notOwned, w => Assert.False(w.GetProperty("in_collection").GetBoolean()));
        var fiveStars = await WantlistState.ItemsAsync(vault.Client, "&rating=5&in_collection=true");
        Assert.Equal(items.Count(w => w.GetProperty("rating").GetInt32() == 5 && w.GetProperty("in_collection").GetBoolean()), fiveStars.Count);

        // By format (name or description, without case) and years, as the collection filters.
        bool Lp(JsonElement w) => w.GetProperty("formats").EnumerateArray().Any(f => string.Equals(f.GetString(), "LP", StringComparison.OrdinalIgnoreCase));
        var lps = await WantlistState.ItemsAsync(vault.Client, "&format=lp");
        Assert.InRange(lps.Count, 1, Wants - 1);
        Assert.Equal(items.Where(Lp).Select(Id).Order(), lps.Select(Id).Order());
        bool Seventies(JsonElement w) => w.GetProperty("year").ValueKind == JsonValueKind.Number && w.GetProperty("year").GetInt32() is >= 1970 and <= 1979;
        var seventies = await WantlistState.ItemsAsync(vault.Client, "&year_from=1970&year_to=1979&format=LP");
        Assert.InRange(seventies.Count, 1, lps.Count - 1);
        Assert.Equal(items.Where(w => Lp(w) && Seventies(w)).Select(Id).Order(), seventies.Select(Id).Order());

        // A want's cover comes through the cover cache (prefetched after the collection's, or fetched when shown).
        var unowned = items.First(w => !w.GetProperty("in_collection").GetBoolean() && w.GetProperty("local_thumb").GetString() is not null);
        using (var cover = await vault.Client.GetAsync(unowned.GetProperty("local_thumb").GetString()))
        {
            Assert.Equal((HttpStatusCode.OK, "image/png"), (cover.StatusCode, cover.Content.Headers.ContentType?.MediaType));
        }

        // "Do I own this?" names the want: found by its title (GET /api/lookup's wanted list).
        var title = unowned.GetProperty("title").GetString()!;
        var lookup = await vault.Client.GetFromJsonAsync<JsonElement>($"/api/lookup?q={Uri.EscapeDataString(title)}");
        Assert.Contains(lookup.GetProperty("wanted").EnumerateArray(), w => w.GetProperty("release_id").GetInt64() == unowned.GetProperty("release_id").GetInt64());

        // Unchanged: the wantlist costs its pages (ceil(320/100) = 4) and nothing else, and writes nothing.
        simulator.ResetTraffic();
        var again = await vault.SyncAsync();
        Assert.Equal("completed", again.GetProperty("status").GetString());
        Assert.Equal(4, simulator.Counters.Requests("wants"));
        Assert.Equal(0, simulator.Counters.Requests("release"));
        Assert.Equal(WantlistState.Of(simulator), await WantlistState.LocalAsync(vault.Client));
        // The image host now answers HTML for it: a PNG can only come from the cache.
        simulator.Images.Fault(ImageFault.HtmlPage, unowned.GetProperty("release_id").GetInt64());
        using (var cover = await vault.Client.GetAsync(unowned.GetProperty("local_thumb").GetString()))
        {
            Assert.Equal((HttpStatusCode.OK, "image/png"), (cover.StatusCode, cover.Content.Headers.ContentType?.MediaType));
        }

        // Changed on Discogs: an added, an edited and two removed wants are mirrored by the next sync.
        var wanted = simulator.Collection.Wants;
        simulator.Collection.Wantlist.Remove(wanted[3].ReleaseId);
        simulator.Collection.Wantlist.Remove(wanted[250].ReleaseId);
        simulator.Collection.Wantlist.Edit(wanted[10].ReleaseId, "Only the first pressing", 5);
        simulator.Collection.Wantlist.Put(simulator.CatalogReleaseIds.Last(), "New want", 2);
        await vault.SyncAsync();
        Assert.Equal(WantlistState.Of(simulator), await WantlistState.LocalAsync(vault.Client));
        Assert.Equal(Wants - 1, (await WantlistState.ItemsAsync(vault.Client)).Count);
    }

    private static long Id(JsonElement want) => want.GetProperty("release_id").GetInt64();
}
