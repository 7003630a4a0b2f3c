using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VinylVault.Tests.Api;

namespace VinylVault.Tests.Outbox;

/// <summary>Bad edits are refused at once with a 400 naming the field, before anything is queued; folders follow Discogs' rules.</summary>
public sealed class EditApiTests
{
    [Fact]
    public async Task Bad_edits_are_400_naming_the_field_and_an_unknown_copy_is_404()
    {
        await using var vault = await EditingVault.StartAsync();
        var copy = vault.Simulator.Collection.Items[0].InstanceId;

        await ApiAssert.ValidationProblemAsync(await vault.Client.PatchAsJsonAsync($"/api/collection/{copy}", new { rating = 6 }), "rating");
        await ApiAssert.ValidationProblemAsync(await vault.Client.PatchAsJsonAsync($"/api/collection/{copy}", new { folder_id = 999 }), "folder_id");
        await ApiAssert.ValidationProblemAsync(await vault.Client.PatchAsJsonAsync($"/api/collection/{copy}",
            new { fields = new Dictionary<string, string> { ["Media Condition"] = "Like new, honest" } }), "fields");
        await ApiAssert.ValidationProblemAsync(await vault.Client.PatchAsJsonAsync($"/api/collection/{copy}",
            new { fields = new Dictionary<string, string> { ["Notes"] = new string('n', 256) } }), "fields");
        await ApiAssert.ValidationProblemAsync(await vault.Client.PostAsJsonAsync("/api/collection", new { release_id = 1, folder_id = 0 }), "folder_id");
        await ApiAssert.ProblemAsync(await vault.Client.PatchAsJsonAsync("/api/collection/424242", new { rating = 3 }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await vault.Client.DeleteAsync("/api/collection/424242"), HttpStatusCode.NotFound);

        Assert.Empty(await vault.OutboxAsync());
        Assert.Equal(vault.DiscogsState(), await vault.LocalStateAsync());
    }

    [Fact]
    public async Task Folders_follow_Discogs_rules_and_list_local_counts()
    {
        await using var vault = await EditingVault.StartAsync();
        var folders = (await vault.Client.GetFromJsonAsync<JsonElement>("/api/folders")).GetProperty("folders").EnumerateArray().ToList();
        var busy = folders.First(f => f.GetProperty("id").GetInt32() > 1 && f.GetProperty("count").GetInt32() > 0).GetProperty("id").GetInt32();

        await ApiAssert.ProblemAsync(await vault.Client.DeleteAsync("/api/folders/1"), HttpStatusCode.Conflict);
        await ApiAssert.ProblemAsync(await vault.Client.DeleteAsync($"/api/folders/{busy}"), HttpStatusCode.Conflict);
        await ApiAssert.ProblemAsync(await vault.Client.PatchAsJsonAsync("/api/folders/1", new { name = "Mine" }), HttpStatusCode.Conflict);
        await ApiAssert.ValidationProblemAsync(await vault.Client.PostAsJsonAsync("/api/folders", new { name = " " }), "name");

        var created = await vault.SendAsync(HttpMethod.Post, "/api/folders", new { name = "To sell" });
        await vault.DrainedAsync();
        var id = (await vault.Client.GetFromJsonAsync<JsonElement>("/api/folders")).GetProperty("folders").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "To sell").GetProperty("id").GetInt32();
        Assert.True(id > 1 && created.GetProperty("id").GetInt32() < 0);
        await vault.SendAsync(HttpMethod.Delete, $"/api/folders/{id}");
        await vault.DrainedAsync();
        Assert.DoesNotContain(vault.Simulator.Collection.Folders, f => f.Name == "To sell");
        Assert.Equal(vault.DiscogsState(), await vault.LocalStateAsync());
    }
}
