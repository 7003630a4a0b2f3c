using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Discogs;
using VinylVault.Ui.Collection;
using VinylVault.Ui.Pages;

namespace VinylVault.Tests.Ui;

public sealed class SearchPageTests
{
    [Fact]
    public async Task Results_show_with_their_covers()
    {
        await using var services = await EditingServices.StartAsync();
        await services.OwnAsync(249504, copies: 1);
        await using var ctx = Context(new FakeDiscogs(_ => Task.FromResult(new SearchResults
        {
            Results =
            [
                new SearchResult { Id = 249504, Title = "Kruder & Dorfmeister - The K&D Sessions", Year = 1998, Format = ["Vinyl"],
                    Label = ["!K7 Records"], Country = "Austria", CoverImage = "https://i.discogs.com/kd.jpg" },
                new SearchResult { Id = 1, Title = "Persuader, The (2) - Stockholm", Year = 1999, Format = ["Vinyl"] },
            ],
        })), token: "t", services);

        var page = Search(ctx, "kruder");

        var result = page.Find("[data-test=search-result]");
        Assert.Equal("https://www.discogs.com/release/249504", result.GetAttribute("href"));
        Assert.Equal("https://i.discogs.com/kd.jpg", result.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("The K&D Sessions", result.QuerySelector(".vv-card-title")!.TextContent);
        Assert.Equal("Kruder & Dorfmeister", result.QuerySelector(".vv-card-artist")!.TextContent);
        Assert.Equal("1998 · Vinyl · !K7 Records · Austria", result.QuerySelector(".vv-card-meta")!.TextContent);
        // Each result against the local collection: the owned one says so, the other can be added.
        var actions = page.FindAll("[data-test=collection-action]");
        Assert.Equal("In your collection", actions[0].QuerySelector("[data-test=in-collection]")!.TextContent.Trim());
        Assert.Null(actions[1].QuerySelector("[data-test=in-collection]"));
        Assert.NotNull(actions[1].QuerySelector("[data-test=add-to-collection]"));
    }

    [Fact]
    public async Task An_unreachable_Discogs_gets_a_clear_offline_message()
    {
        await using var services = await EditingServices.StartAsync();
        await using var ctx = Context(new FakeDiscogs(_ => throw new DiscogsConnectionException("Discogs unreachable: No route to host")), token: "t", services);

        var page = Search(ctx, "kruder");

        var problem = page.Find("[data-test=search-problem]");
        Assert.Contains("Discogs is unreachable", problem.TextContent);
        Assert.Contains("keeps working offline", problem.TextContent);
        Assert.Empty(page.FindAll("[data-test=search-result]"));
    }

    [Fact]
    public async Task Without_an_account_no_request_is_made_and_the_page_says_why()
    {
        var asked = false;
        await using var services = await EditingServices.StartAsync();
        await using var ctx = Context(new FakeDiscogs(_ => { asked = true; return Task.FromResult(new SearchResults()); }), token: null, services);

        var page = Search(ctx, "kruder");

        Assert.Contains("No Discogs account yet", page.Find("[data-test=search-problem]").TextContent);
        Assert.False(asked);
    }

    private static IRenderedComponent<Search> Search(BunitContext ctx, string query)
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"search?q={query}");
        var page = ctx.Render<Search>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=search-result], [data-test=search-problem], [data-test=search-count]")));
        return page;
    }

    private static BunitContext Context(IDiscogsApi api, string? token, EditingServices services)
    {
        var ctx = MudTestContext.Create();
        services.AddTo(ctx);
        var account = new FakeAccount(token);
        ctx.Services.AddSingleton<IDiscogsAccount>(account);
        ctx.Services.AddSingleton(new DiscogsClient(api, account));
        ctx.Services.AddSingleton(new CoverUrls());
        // As in the app: the page runs in an interactive circuit (it leaves the request to it, not to prerendering).
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    private sealed record FakeAccount(string? Token) : IDiscogsAccount
    {
        public Uri BaseAddress { get; } = new("https://api.discogs.test/");

        public string? Username => "alice";
    }

    /// <summary>Only search is asked of Discogs by this page.</summary>
    private sealed class FakeDiscogs(Func<string, Task<SearchResults>> search) : IDiscogsApi
    {
        public Task<SearchResults> SearchAsync(string q, string type, int perPage, CancellationToken cancellationToken) => search(q);

        public Task<SearchResults> SearchPrintedAsync(string? barcode, string? catno, string type, int perPage, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<DiscogsIdentity> GetIdentityAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<FolderList> GetFoldersAsync(string username, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CollectionPage> GetCollectionPageAsync(string username, int folderId, CollectionPageQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<DiscogsRelease> GetReleaseAsync(long releaseId, string? currency, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CollectionValue> GetCollectionValueAsync(string username, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CollectionFields> GetCollectionFieldsAsync(string username, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<WantlistPage> GetWantlistPageAsync(string username, int page, int perPage, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<MarketplaceStats> GetMarketplaceStatsAsync(long releaseId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<AddedInstance> AddReleaseAsync(string username, int folderId, long releaseId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task EditInstanceAsync(string username, int folderId, long releaseId, long instanceId, InstanceChange change, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RemoveInstanceAsync(string username, int folderId, long releaseId, long instanceId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task SetFieldAsync(string username, int folderId, long releaseId, long instanceId, int fieldId, FieldValue value, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<CollectionPage> GetReleaseInstancesAsync(string username, long releaseId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<DiscogsFolder> CreateFolderAsync(string username, FolderName name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<DiscogsFolder> RenameFolderAsync(string username, int folderId, FolderName name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteFolderAsync(string username, int folderId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
