using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Api.Simulator;
using VinylVault.Core.Collection.Storage;
using VinylVault.Tests.Api;

namespace VinylVault.Tests.Covers;

/// <summary>
/// Image URLs from Discogs' data and image hosts' answers are untrusted: anything but an image from an allowed origin
/// is refused, nothing of it is stored, and a host that is not allowed never hears from the server.
/// </summary>
public sealed class CoverRefusalTests
{
    [Fact]
    public async Task Other_hosts_other_ports_foreign_redirects_html_oversized_bodies_and_fake_jpegs_are_refused_and_nothing_is_stored()
    {
        // Another port of the same host: a listener that counts every connection it is offered.
        using var otherPort = new TcpListener(IPAddress.Loopback, 0);
        otherPort.Start();
        var connections = 0;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var socket = await otherPort.AcceptSocketAsync();
                Interlocked.Increment(ref connections);
            }
        });

        await using var vault = await CoverVault.StartAsync(30, new Dictionary<string, string?>
        {
            ["Images:Prefetch"] = "false",
            ["Images:MaxBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = vault.App.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(vault.App, client);
        var ids = vault.ReleasesWithImages();
        var port = new Uri(vault.Discogs.BaseUrl).Port;
        var sameServerOtherHost = $"localhost:{port}";
        var images = vault.Discogs.Simulator.Images;

        // URLs in the data that point elsewhere: another host name of the same server, another port, other schemes.
        var pointedElsewhere = new Dictionary<long, string>
        {
            [ids[0]] = $"http://{sameServerOtherHost}/images/R-150-{ids[0]}-1.png",
            [ids[1]] = $"http://127.0.0.1:{((IPEndPoint)otherPort.LocalEndpoint).Port}/images/R-150-{ids[1]}-1.png",
            [ids[2]] = "file:///etc/passwd",
            [ids[3]] = "javascript:alert(1)",
        };
        await using (var db = await vault.App.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>().CreateDbContextAsync())
        {
            foreach (var (id, url) in pointedElsewhere)
            {
                await db.Releases.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Thumb, url));
            }
        }

        // The image host misbehaving for others.
        images.Fault(ImageFault.RedirectElsewhere, ids[4]);
        images.Fault(ImageFault.HtmlPage, ids[5]);
        images.Fault(ImageFault.Oversized, ids[6]);
        images.Fault(ImageFault.GarbageJpeg, ids[7]);

        var refused = ids.Take(8).ToList();
        foreach (var id in refused)
        {
            await ApiAssert.ProblemAsync(await client.GetAsync($"/covers/{id}/thumb"), HttpStatusCode.NotFound);
        }

        // Each misbehaving answer was asked for exactly once, from the allowed origin; nobody else heard a thing.
        Assert.Equal(4, images.Requests);
        Assert.Equal(4, images.RequestsTo(vault.ImageHost));
        Assert.Equal(0, images.RequestsTo(sameServerOtherHost));
        Assert.Equal(0, Volatile.Read(ref connections));

        // Refused stays refused (no second request), and is counted.
        await ApiAssert.ProblemAsync(await client.GetAsync($"/covers/{ids[5]}/thumb"), HttpStatusCode.NotFound);
        Assert.Equal(4, images.Requests);
        var covers = await client.GetFromJsonAsync<JsonElement>("/api/covers");
        Assert.Equal(refused.Count, covers.GetProperty("refused").GetInt32());
        Assert.Matches("vinylvault_cover_downloads_total\\{[^}]*result=\"refused\"", await client.GetStringAsync("/metrics"));

        // Nothing stored: no file for any of them, nothing half written.
        var directory = Path.Combine(vault.App.DataDirectory, "covers");
        Assert.Empty(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories));

        // And a well-behaved cover of the same host is still fetched and kept.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/covers/{ids[8]}/thumb")).StatusCode);
        Assert.Single(Directory.EnumerateFiles(directory));
    }
}
