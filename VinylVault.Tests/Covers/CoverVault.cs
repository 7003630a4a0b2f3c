using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using VinylVault.Tests.Api;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Covers;

/// <summary>
/// A simulated Discogs with its image host, and the app pointed at it on real sockets, with the cover lane
/// time-scaled: <see cref="Limit"/> image downloads per <see cref="Window"/>, at most <see cref="Concurrency"/> at once.
/// </summary>
public sealed class CoverVault : IAsyncDisposable
{
    public const int Limit = 60;
    public const int Concurrency = 3;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private CoverVault(SimulatorServer discogs, VaultApp app)
    {
        Discogs = discogs;
        App = app;
    }

    public SimulatorServer Discogs { get; }

    public VaultApp App { get; }

    /// <summary>"127.0.0.1:port": the Host header the image host sees from an allowed request.</summary>
    public string ImageHost => new Uri(Discogs.BaseUrl).Authority;

    public static async Task<CoverVault> StartAsync(
        int collectionSize, IDictionary<string, string?>? settings = null, Action<SimulatorServer>? beforeApp = null, int? wantlistSize = null)
    {
        var discogs = await DiscogsFixture.StartAsync(collectionSize, wantlistSize);
        beforeApp?.Invoke(discogs);
        var all = Settings(discogs);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new CoverVault(discogs, new VaultApp(all));
    }

    /// <summary>The app's settings for <paramref name="discogs"/>: its account, its origin allowed for images, the lane time-scaled.</summary>
    public static Dictionary<string, string?> Settings(SimulatorServer discogs)
    {
        var all = DiscogsFixture.Settings(discogs);
        all["Discogs:MaxRetries"] = "3";
        all["Discogs:TimeoutSeconds"] = "10";
        all["Images:AllowedOrigins:0"] = new Uri(discogs.BaseUrl).GetLeftPart(UriPartial.Authority);
        all["Images:MaxRequestsPerMinute"] = Limit.ToString(CultureInfo.InvariantCulture);
        all["Images:RateLimitWindowSeconds"] = Window.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        all["Images:MaxConcurrentDownloads"] = Concurrency.ToString(CultureInfo.InvariantCulture);
        return all;
    }

    /// <summary>Release ids of the collection whose page data carries a thumb and a cover.</summary>
    public IReadOnlyList<long> ReleasesWithImages() => ReleasesWithImages(Discogs);

    public static IReadOnlyList<long> ReleasesWithImages(SimulatorServer discogs) =>
        [.. discogs.ExpectedCollection().Select(i => i.BasicInformation).Where(b => !string.IsNullOrEmpty(b.Thumb)).Select(b => b.Id).Distinct()];

    /// <summary>Release ids of the wants not owned whose page data carries a thumb and a cover: prefetched after the collection's.</summary>
    public static IReadOnlyList<long> WantsWithImages(SimulatorServer discogs) =>
        [.. discogs.ExpectedWants().Select(w => w.BasicInformation).Where(b => !string.IsNullOrEmpty(b.Thumb)).Select(b => b.Id).Except(ReleasesWithImages(discogs))];

    /// <summary>Every release whose thumb and cover the lane keeps: the collection's, then the wants'.</summary>
    public static IReadOnlyList<long> ReleasesToCache(SimulatorServer discogs) => [.. ReleasesWithImages(discogs), .. WantsWithImages(discogs)];

    /// <summary>GET /api/covers until nothing is missing or queued (or <paramref name="patience"/> runs out).</summary>
    public static async Task<JsonElement> WaitForCoversAsync(HttpClient client, TimeSpan patience)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var covers = await client.GetFromJsonAsync<JsonElement>("/api/covers");
            var settled = covers.GetProperty("missing").GetInt32() == 0 && covers.GetProperty("queued").GetInt32() == 0
                && covers.GetProperty("failed").GetInt32() == 0;
            if (settled || clock.Elapsed > patience)
            {
                return covers;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Discogs.DisposeAsync();
    }
}
