using System.Net;
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
    public async Task Covers_are_png_drawings_of_600px_with_150px_thumbnails_that_the_cover_cache_accepts()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (40, 1_000));
        using var client = server.CreateClient();
        var release = server.Simulator.Collection.ReleaseIds.Select(id => server.ExpectedRelease(id)!).First(r => r.Images.Count > 1);

        var cover = await client.GetByteArrayAsync(release.Images[0].Uri);
        var thumb = await client.GetByteArrayAsync(release.Images[0].Uri150);
        var back = await client.GetByteArrayAsync(release.Images[1].Uri);

        Assert.All(new[] { cover, thumb, back }, png => Assert.Equal("image/png", VinylVault.Core.Covers.ImageSniffer.ContentType(png)));
        // IHDR's width, big-endian at byte 16.
        Assert.Equal((600, 150), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(cover.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(thumb.AsSpan(16))));
        Assert.NotEqual(cover, back);
        Assert.Equal(release.Thumb, release.Images[0].Uri150);
    }

    [Fact]
    public async Task Images_that_do_not_exist_are_404()
    {
        await using var server = await SimulatorServer.StartAsync(o => o.CollectionSize = 10);
        using var client = server.CreateClient();
        var id = server.Simulator.Collection.ReleaseIds[0];

        using var tooMany = await client.GetAsync($"images/R-{id}-9.png");
        using var unknown = await client.GetAsync("images/R-9-1.png");
        using var garbage = await client.GetAsync("images/cover.jpg");

        Assert.All(new[] { tooMany, unknown, garbage }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }
}
