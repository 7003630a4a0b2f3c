using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Tests.Api;

/// <summary>
/// Addresses in Discogs data are untrusted: the release page links to Discogs only over https on discogs.com, and
/// shows images only from the allowed image origins. The synced rows are edited as a hostile Discogs would send them.
/// </summary>
public sealed class UntrustedLinkTests(SyncedVault vault) : IClassFixture<SyncedVault>
{
    [Fact]
    public async Task The_release_page_renders_no_hostile_link_or_image_and_keeps_the_real_ones()
    {
        var contexts = vault.App.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var ids = await db.ReleaseImages.Select(i => i.ReleaseId).Distinct().OrderBy(id => id).Take(3).ToListAsync();
        var (script, phishing, genuine) = (ids[0], ids[1], ids[2]);
        await db.Releases.Where(r => r.Id == script).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.DiscogsUrl, "javascript:alert(document.cookie)")
            .SetProperty(r => r.CoverImage, "https://evil.example/pixel.gif")
            .SetProperty(r => r.Thumb, "http://i.discogs.com/plain-http.jpg"));
        await db.Releases.Where(r => r.Id == phishing).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.DiscogsUrl, "https://discogs.com.evil.example/login"));
        await db.ReleaseImages.Where(i => i.ReleaseId == script || i.ReleaseId == phishing).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Uri, "https://evil.example/big.jpg")
            .SetProperty(i => i.Uri150, "https://i.discogs.com.evil.example/small.jpg"));
        await db.Releases.Where(r => r.Id == genuine).ExecuteUpdateAsync(s => s.SetProperty(r => r.DiscogsUrl, $"https://www.discogs.com/release/{genuine}"));
        await db.ReleaseImages.Where(i => i.ReleaseId == genuine).ExecuteUpdateAsync(s => s.SetProperty(i => i.Uri, "https://i.discogs.com/genuine.jpg"));

        using var owner = await vault.App.CreateOwnerClientAsync();
        foreach (var id in new[] { script, phishing })
        {
            var page = await owner.GetStringAsync($"/releases/{id}");
            Assert.Contains("data-test=\"release-title\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
            Assert.DoesNotContain("plain-http", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-test=\"discogs-link\"", page, StringComparison.Ordinal);
        }

        var real = await owner.GetStringAsync($"/releases/{genuine}");
        Assert.Contains($"href=\"https://www.discogs.com/release/{genuine}\"", real, StringComparison.Ordinal);
        // Images are served from the local cover cache: the page names the app's own route, never the image host.
        Assert.Contains($"src=\"/covers/{genuine}/cover\"", real, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"https://i.discogs.com", real, StringComparison.Ordinal);
    }
}
