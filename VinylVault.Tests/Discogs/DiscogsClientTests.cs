using System.Net;
using VinylVault.Core.Discogs;
using VinylVault.Tests.Discogs.Support;
using static VinylVault.Tests.Discogs.Support.ScriptedDiscogs;

namespace VinylVault.Tests.Discogs;

/// <summary>The facade the rest of the app uses.</summary>
public sealed class DiscogsClientTests
{
    [Fact]
    public async Task Test_connection_names_the_account()
    {
        using var harness = DiscogsHarness.Create();

        Assert.Equal((true, "Connected as alice"), await harness.Client.TestConnectionAsync(default));
        Assert.EndsWith("/oauth/identity", harness.Primary.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task Test_connection_reports_a_rejected_token()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Then(Error(HttpStatusCode.Unauthorized, "You must authenticate to access this resource."));

        Assert.Equal((false, "Discogs rejected the token"), await harness.Client.TestConnectionAsync(default));
    }

    [Fact]
    public async Task Test_connection_reports_an_unreachable_Discogs()
    {
        using var harness = DiscogsHarness.Create(maxRetries: 0);
        harness.Primary.Then(Fail("Connection refused (api.discogs.test:443)"));

        Assert.Equal((false, "Discogs unreachable: Connection refused (api.discogs.test:443)"), await harness.Client.TestConnectionAsync(default));
    }

    [Fact]
    public async Task Search_asks_for_releases_and_the_limit()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Then(Answer(HttpStatusCode.OK, """{"pagination": {"page": 1, "pages": 1, "per_page": 3, "items": 1}, "results": [{"id": 7, "type": "release", "title": "Nirvana - Nevermind", "year": "1991"}]}"""));

        var found = await harness.Client.SearchAsync("nevermind", 3, default);

        Assert.Equal((7L, 1991), (found.Results.Single().Id, found.Results.Single().Year));
        Assert.Equal("/database/search?q=nevermind&type=release&per_page=3", harness.Primary.Requests.Single().Uri.PathAndQuery);
    }

    [Fact]
    public async Task Collection_pages_use_the_configured_username_and_Discogs_paging()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Otherwise = Answer(HttpStatusCode.OK, """{"pagination": {"page": 2, "pages": 2, "per_page": 100, "items": 101}, "releases": []}""");

        var page = await harness.Api.GetCollectionPageAsync(await harness.Client.GetUsernameAsync(default), 0, new CollectionPageQuery(2), default);

        Assert.Equal(101, page.Pagination.Items);
        Assert.Equal("/users/alice/collection/folders/0/releases?page=2&per_page=100&sort=added&sort_order=desc", harness.Primary.Requests.Single().Uri.PathAndQuery);
    }

    [Fact]
    public async Task Without_a_configured_username_the_token_owner_is_asked_once()
    {
        using var harness = DiscogsHarness.Create(settings: new Dictionary<string, string?> { ["Discogs:Username"] = "" });
        var client = harness.Client;
        harness.Primary.Then(Answer(HttpStatusCode.OK, Identity));
        harness.Primary.Otherwise = Answer(HttpStatusCode.OK, """{"folders": [{"id": 0, "name": "All", "count": 3}]}""");

        var folders = await harness.Api.GetFoldersAsync(await client.GetUsernameAsync(default), default);
        await harness.Api.GetFoldersAsync(await client.GetUsernameAsync(default), default);

        Assert.Equal("All", folders.Folders.Single().Name);
        Assert.Equal(["/oauth/identity", "/users/alice/collection/folders", "/users/alice/collection/folders"], harness.Primary.Requests.Select(r => r.Uri.AbsolutePath));
    }
}
