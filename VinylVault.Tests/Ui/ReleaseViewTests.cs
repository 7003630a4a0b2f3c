using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Ui.Collection;
using VinylVault.Ui.Releases;

namespace VinylVault.Tests.Ui;

public sealed class ReleaseViewTests
{
    private static readonly ReleaseDetailView PageDataOnly = new(
        Id: 249504, Title: "The K&D Sessions", Artist: "Kruder & Dorfmeister", Year: 1998, Country: null, Released: null,
        Notes: null, MasterId: null, Thumb: "https://i.discogs.com/thumb.jpg", CoverImage: "https://i.discogs.com/cover.jpg",
        DataQuality: null, DiscogsUrl: "https://www.discogs.com/release/249504",
        Artists: [new ArtistCredit(1, "Kruder", null, "&"), new ArtistCredit(2, "Dorfmeister", null, null)],
        Labels: [new LabelCredit(10, "!K7 Records", "!K7073LP")],
        Formats: [new FormatView("Vinyl", 4, ["LP", "Compilation"], null)],
        Genres: ["Electronic"], Styles: ["Downtempo", "Trip Hop"], Tracklist: [], Images: [], Community: null,
        LowestPrice: null, NumForSale: null, HasDetails: false, DetailsFetchedAt: null,
        Instances:
        [
            new InstanceView(9001, 1, "Uncategorized", 4, new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc),
                new Dictionary<string, string> { ["Media Condition"] = "Very Good Plus (VG+)" }),
        ]);

    private static readonly ReleaseDetailView WithDetails = PageDataOnly with
    {
        Country = "Austria",
        Released = "1998-10-19",
        Notes = "Recorded in Vienna.\nMastered at Dubplates & Mastering.",
        HasDetails = true,
        DetailsFetchedAt = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        Tracklist =
        [
            new TrackView("", "Side A", null, "heading"),
            new TrackView("A1", "Useless (Kruder & Dorfmeister Session)", "5:53", "track"),
            new TrackView("A2", "Trans Am (Sofa Surfers Remix)", "6:07", "track"),
        ],
        Images =
        [
            new ImageView("primary", "https://i.discogs.com/front.jpg", "https://i.discogs.com/front-150.jpg", 600, 600) { Local = "/covers/249504/images/1" },
            new ImageView("secondary", "https://i.discogs.com/back.jpg", null, 600, 600) { Local = "/covers/249504/images/2" },
        ],
        Community = new CommunityView(12345, 2345, 4.62, 800),
    };

    [Fact]
    public async Task Before_details_the_page_says_it_shows_page_data_and_has_no_tracklist()
    {
        await using var ctx = Context();

        var view = ctx.Render<ReleaseView>(p => p.Add(v => v.Release, PageDataOnly));

        Assert.Equal("page", view.Find("[data-test=release]").GetAttribute("data-details"));
        Assert.Contains("Showing what your collection page lists", view.Find("[data-test=page-data-only]").TextContent);
        Assert.Empty(view.FindAll("[data-test=tracklist]"));
        Assert.Empty(view.FindAll("[data-test=release-notes]"));
        // What the page data does have is all there.
        Assert.Equal("The K&D Sessions", view.Find("[data-test=release-title]").TextContent);
        Assert.Equal("Kruder & Dorfmeister", view.Find("[data-test=release-artist]").TextContent);
        Assert.Equal("!K7 Records – !K7073LP", view.Find("[data-test=release-labels]").TextContent.Trim());
        Assert.Equal("4 × Vinyl, LP, Compilation", view.Find("[data-test=release-formats]").TextContent);
        // From the local cover cache, never from Discogs' image hosts.
        Assert.Equal("/covers/249504/cover", view.Find(".vv-release-cover img").GetAttribute("src"));
        Assert.Contains("Very Good Plus (VG+)", view.Find("[data-test=copy]").TextContent);
    }

    [Fact]
    public async Task With_details_the_tracklist_notes_images_and_link_are_shown()
    {
        await using var ctx = Context();

        var view = ctx.Render<ReleaseView>(p => p.Add(v => v.Release, WithDetails));

        Assert.Equal("full", view.Find("[data-test=release]").GetAttribute("data-details"));
        Assert.Empty(view.FindAll("[data-test=page-data-only]"));
        var tracks = view.FindAll("[data-test=track]").Select(t => t.TextContent.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal([["A1", "Useless (Kruder & Dorfmeister Session)", "5:53"], ["A2", "Trans Am (Sofa Surfers Remix)", "6:07"]], tracks);
        Assert.Equal("Side A", view.Find(".vv-track-heading").TextContent);
        Assert.Equal("12:00", view.Find("[data-test=tracklist-total]").TextContent);
        Assert.StartsWith("Recorded in Vienna.", view.Find("[data-test=release-notes]").TextContent);
        Assert.Equal("https://www.discogs.com/release/249504", view.Find("[data-test=discogs-link]").GetAttribute("href"));
        Assert.Equal("/covers/249504/cover", view.Find(".vv-release-cover img").GetAttribute("src"));
        Assert.Equal(["/covers/249504/images/1", "/covers/249504/images/2"], view.FindAll("[data-test=release-images] img").Select(i => i.GetAttribute("src")));

        view.FindAll("[data-test=release-images] button")[1].Click();
        Assert.Equal("/covers/249504/images/2", view.Find(".vv-release-cover img").GetAttribute("src"));
    }

    [Fact]
    public void Credits_formats_and_running_times_read_like_Discogs()
    {
        Assert.Equal("Miles Davis, John Coltrane", ReleaseText.Artists(
            [new ArtistCredit(1, "Miles Davis", null, ","), new ArtistCredit(2, "John Coltrane", null, "")], "x"));
        Assert.Equal("Prince And The Revolution", ReleaseText.Artists(
            [new ArtistCredit(1, "Prince (2)", "Prince", "And"), new ArtistCredit(2, "The Revolution", null, null)], "x"));
        Assert.Equal("Various", ReleaseText.Artists([], "Various"));
        Assert.Equal("Vinyl, 7\", 45 RPM, Blue", ReleaseText.Format(new FormatView("Vinyl", 1, ["7\"", "45 RPM"], "Blue")));
        Assert.Equal("1:02:05", ReleaseText.TotalDuration([new TrackView("1", "a", "61:00", null), new TrackView("2", "b", "1:05", "track")]));
        Assert.Null(ReleaseText.TotalDuration([new TrackView("1", "a", "3:00", "track"), new TrackView("2", "b", "", "track")]));
    }

    [Fact]
    public void Covers_served_by_the_demo_inside_this_app_load_from_whatever_address_the_browser_used()
    {
        var urls = new CoverUrls { LocalPrefix = "/demo/discogs" };

        Assert.Equal("/demo/discogs/images/r1.svg", urls.ForBrowser("http://127.0.0.1:5080/demo/discogs/images/r1.svg"));
        // Stored before a restart on another port, still this app's own image.
        Assert.Equal("/demo/discogs/images/r2.svg?s=150", urls.ForBrowser("http://localhost:6000/demo/discogs/images/r2.svg?s=150"));
        Assert.Equal("https://i.discogs.com/x.jpg", urls.ForBrowser("https://i.discogs.com/x.jpg"));
        Assert.Equal("/covers/1/thumb", urls.ForBrowser("/covers/1/thumb"));
        // Anything else named by Discogs data is not loaded: plain http, other hosts, network paths, scripts.
        Assert.Null(urls.ForBrowser("http://127.0.0.1:9999/a.svg"));
        Assert.Null(urls.ForBrowser("http://pi.local/demo/discogs/x.svg"));
        Assert.Null(urls.ForBrowser("http://i.discogs.com/x.jpg"));
        Assert.Null(urls.ForBrowser("https://evil.example/x.jpg"));
        Assert.Null(urls.ForBrowser("//evil.example/x.jpg"));
        Assert.Null(urls.ForBrowser("javascript:alert(1)"));
        Assert.Null(urls.ForBrowser(" "));
    }

    [Fact]
    public async Task The_lowest_price_shows_with_its_currency_symbol_and_the_identifiers_are_listed()
    {
        await using var ctx = Context();
        var priced = WithDetails with
        {
            LowestPrice = 1234.5m, NumForSale = 7, PriceCurrency = "CAD",
            Identifiers = [new IdentifierView("Barcode", "0 74646 36282 2", null), new IdentifierView("Matrix / Runout", "K7073-A", "Side A")],
        };

        var view = ctx.Render<ReleaseView>(p => p.Add(v => v.Release, priced));

        Assert.Equal("7 copies, lowest CA$1,234.50", view.Find("[data-test=for-sale]").TextContent);
        Assert.Equal(["0 74646 36282 2", "K7073-A (Side A)"], view.FindAll("[data-test=identifier]").Select(d => d.TextContent));
    }

    private static BunitContext Context()
    {
        var ctx = MudTestContext.Create();
        ctx.Services.AddSingleton<CoverUrls>();
        return ctx;
    }
}
