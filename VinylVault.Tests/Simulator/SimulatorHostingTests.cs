using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Api.Simulator;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Simulator;

/// <summary>Hosting the simulator inside an app under a prefix (the demo mode), and the covers it draws.</summary>
public sealed class SimulatorHostingTests
{
    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDiscogsSimulator();
        var app = builder.Build();
        app.MapGet("/", () => "the app itself");
        app.MapDiscogsSimulator("/demo/discogs");
        return app;
    }

    [Fact]
    public async Task Under_a_prefix_the_simulator_serves_discogs_and_links_its_images_there()
    {
        await using var app = Build(new() { ["Demo:Simulator:CollectionSize"] = "12", ["Demo:Simulator:Token"] = "demo-123" });
        await app.StartAsync();
        var root = app.Urls.Single().TrimEnd('/');
        using var client = new HttpClient { BaseAddress = new Uri(root + "/demo/discogs/") };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Discogs token=demo-123");

        var page = await client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases");
        var cover = page.Releases.Select(r => r.BasicInformation.CoverImage).First(c => !string.IsNullOrEmpty(c))!;
        using var image = await client.GetAsync(cover);
        using var appRoot = await client.GetAsync(root + "/");

        Assert.Equal(12, page.Pagination.Items);
        Assert.StartsWith($"{root}/demo/discogs/images/", cover, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("the app itself", await appRoot.Content.ReadAsStringAsync());
        Assert.Same(app.Services.GetRequiredService<DiscogsSimulator>(), app.Services.GetRequiredService<DiscogsSimulator>());
        Assert.Equal(1, app.Services.GetRequiredService<DiscogsSimulator>().Counters.TotalRequests);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_bad_setting_stops_the_start_naming_the_key()
    {
        await using var app = Build(new() { ["Demo:Simulator:RateLimit"] = "0" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("RateLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Covers_are_svg_drawings_with_artist_and_title_and_150px_thumbnails()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (40, 1_000));
        using var client = server.CreateClient();
        var release = server.Simulator.Collection.ReleaseIds.Select(id => server.ExpectedRelease(id)!).First(r => r.Images.Count > 1);

        var cover = XDocument.Parse(await client.GetStringAsync(release.Images[0].Uri));
        var thumb = XDocument.Parse(await client.GetStringAsync(release.Images[0].Uri150));
        var back = XDocument.Parse(await client.GetStringAsync(release.Images[1].Uri));

        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(svg + "svg", cover.Root!.Name);
        Assert.Equal(("600", "150"), (cover.Root.Attribute("width")!.Value, thumb.Root!.Attribute("width")!.Value));
        var texts = cover.Descendants(svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.StartsWith(release.Title[..Math.Min(10, release.Title.Length)], StringComparison.Ordinal));
        Assert.NotEqual(cover.ToString(), back.ToString());
        Assert.Equal(release.Thumb, release.Images[0].Uri150);
    }

    [Fact]
    public async Task Images_that_do_not_exist_are_404()
    {
        await using var server = await SimulatorServer.StartAsync(o => o.CollectionSize = 10);
        using var client = server.CreateClient();
        var id = server.Simulator.Collection.ReleaseIds[0];

        using var tooMany = await client.GetAsync($"images/R-{id}-9.svg");
        using var unknown = await client.GetAsync("images/R-9-1.svg");
        using var garbage = await client.GetAsync("images/cover.jpg");

        Assert.All(new[] { tooMany, unknown, garbage }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }
}
