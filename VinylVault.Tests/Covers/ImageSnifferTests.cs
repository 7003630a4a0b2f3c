using System.Text;
using Microsoft.Extensions.Options;
using VinylVault.Api.Simulator.Generation;
using VinylVault.Core.Covers;
using VinylVault.Core.Images;

namespace VinylVault.Tests.Covers;

/// <summary>Only bytes that are an image are kept, whatever the header says; only allowed origins are ever asked.</summary>
public sealed class ImageSnifferTests
{
    // The smallest real files of each kind: a 1×1 GIF, a lossless 1×1 WebP, and a JPEG's frame around an empty scan.
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
    private static readonly byte[] WebP = Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static readonly byte[] Jpeg =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        0xFF, 0xC0, 0x00, 0x0B, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
        0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0xD2, 0xCF, 0x20, 0xFF, 0xD9,
    ];

    [Fact]
    public void Jpeg_png_webp_and_gif_are_recognised_by_their_bytes()
    {
        var png = PngEncoder.Encode(2, 2, new byte[12]);

        Assert.Equal("image/png", ImageSniffer.ContentType(png));
        Assert.Equal("image/jpeg", ImageSniffer.ContentType(Jpeg));
        Assert.Equal("image/gif", ImageSniffer.ContentType(Gif));
        Assert.Equal("image/webp", ImageSniffer.ContentType(WebP));
    }

    [Fact]
    public void Html_svg_garbage_behind_a_jpeg_header_and_cut_off_images_are_not_images()
    {
        var garbage = new byte[10_000];
        new Random(7).NextBytes(garbage);
        ((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF, 0xE0]).CopyTo(garbage);
        var png = PngEncoder.Encode(4, 4, new byte[48]);

        Assert.Null(ImageSniffer.ContentType(garbage));
        Assert.Null(ImageSniffer.ContentType("<!doctype html><html><body>hi</body></html>"u8));
        Assert.Null(ImageSniffer.ContentType(Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""")));
        Assert.Null(ImageSniffer.ContentType(png.AsSpan(0, png.Length - 12)));
        Assert.Null(ImageSniffer.ContentType(Jpeg.AsSpan(0, Jpeg.Length - 2)));
        Assert.Null(ImageSniffer.ContentType(Gif.AsSpan(0, Gif.Length - 1)));
        Assert.Null(ImageSniffer.ContentType(WebP.AsSpan(0, WebP.Length - 1)));
        Assert.Null(ImageSniffer.ContentType([]));
    }

    [Theory]
    [InlineData("https://i.discogs.com/abc/R-1.jpg", true)]
    [InlineData("https://I.DISCOGS.COM/abc/R-1.jpg", true)]
    [InlineData("https://st.discogs.com/x.png", true)]
    [InlineData("http://i.discogs.com/abc.jpg", false)]
    [InlineData("https://i.discogs.com:8443/abc.jpg", false)]
    [InlineData("https://i.discogs.com.evil.example/abc.jpg", false)]
    [InlineData("https://user:pw@i.discogs.com/abc.jpg", false)]
    [InlineData("https://www.discogs.com/abc.jpg", false)]
    [InlineData("http://127.0.0.1:8080/images/a.png", false)]
    [InlineData("http://169.254.169.254/latest/meta-data", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("//i.discogs.com/abc.jpg", false)]
    public void Only_the_allowed_origins_may_be_asked(string url, bool allowed)
    {
        var origins = new ImageOrigins(Options.Create(new CoverOptions()));

        Assert.Equal(allowed, Uri.TryCreate(url, UriKind.Absolute, out var uri) && origins.IsAllowed(uri));
    }

    [Fact]
    public void An_origin_allowed_with_a_path_allows_only_that_path_even_through_dot_segments()
    {
        var origins = new ImageOrigins(Options.Create(new CoverOptions { AllowedOrigins = [] }));
        origins.AllowAlso(new Uri("http://127.0.0.1:5080/demo/discogs/images/"));

        Assert.True(origins.IsAllowed(new Uri("http://127.0.0.1:5080/demo/discogs/images/R-1-1.png")));
        Assert.False(origins.IsAllowed(new Uri("http://127.0.0.1:5080/demo/discogs/images/../../../api/backups")));
        Assert.False(origins.IsAllowed(new Uri("http://127.0.0.1:5080/api/collection")));
        Assert.False(origins.IsAllowed(new Uri("http://127.0.0.1:5081/demo/discogs/images/R-1-1.png")));
        Assert.False(origins.IsAllowed(new Uri("http://localhost:5080/demo/discogs/images/R-1-1.png")));
    }

    [Fact]
    public void The_browser_is_given_only_https_on_a_configured_origin_while_the_server_may_also_fetch_the_demo_path()
    {
        var origins = new ImageOrigins(Options.Create(new CoverOptions { AllowedOrigins = ["https://i.discogs.com", "http://127.0.0.1:5099"] }));
        origins.AllowAlso(new Uri("http://127.0.0.1:5080/demo/discogs/images/"));

        Assert.True(origins.IsAllowedInBrowser("https://i.discogs.com/R-1.jpg"));
        Assert.True(origins.IsAllowed("http://127.0.0.1:5099/R-1.png"));
        Assert.False(origins.IsAllowedInBrowser("http://127.0.0.1:5099/R-1.png"));
        Assert.True(origins.IsAllowed("http://127.0.0.1:5080/demo/discogs/images/R-1-1.png"));
        Assert.False(origins.IsAllowedInBrowser("http://127.0.0.1:5080/demo/discogs/images/R-1-1.png"));
        Assert.False(origins.IsAllowedInBrowser("javascript:alert(1)"));
    }

    [Theory]
    [InlineData("https://i.discogs.com/images")]
    [InlineData("i.discogs.com")]
    [InlineData("ftp://i.discogs.com")]
    [InlineData("http://images.example.com")]
    public void A_configured_origin_with_a_path_or_another_scheme_is_a_start_up_error(string origin)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new CoverOptions { AllowedOrigins = [origin] };

        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
        Assert.Contains(origin, Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }
}
