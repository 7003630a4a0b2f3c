using System.Diagnostics;
using System.Net;
using System.Reflection.PortableExecutable;
using Microsoft.Data.Sqlite;
using VinylVault.Tests.Simulator;
using Xunit.Abstractions;

namespace VinylVault.Tests.Deploy;

/// <summary>The published build, started as the Pi starts it: ready, answering, and stopping cleanly on SIGTERM.</summary>
public sealed class PublishedAppSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Published_build_starts_healthy_from_a_clean_data_directory_and_stops_cleanly_on_sigterm()
    {
        await using var discogs = await SimulatorServer.StartAsync(o => o.CollectionSize = 50);
        await using var app = await PublishedApp.StartAsync(discogs);
        using var http = app.CreateClient(authenticated: false);

        var ready = await WaitUntilHealthyAsync(app, http, TimeSpan.FromSeconds(30));
        output.WriteLine($"healthy after {ready.TotalSeconds:0.00} s");
        // One workstation heap, as a Pi wants: server GC would run a heap and a GC thread per core.
        Assert.DoesNotContain(".NET Server GC", app.ThreadNames());

        // A newcomer opening the address is sent to the first-run page, which answers.
        var home = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var firstRun = await http.GetAsync(home.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, firstRun.StatusCode);
        Assert.Contains("VinylVault", await firstRun.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stopped = await app.TerminateAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(stopped);
        output.WriteLine($"stopped {stopped.Value.TotalSeconds:0.00} s after SIGTERM");

        await using var db = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "vinylvault.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        check.CommandText = "SELECT count(*) FROM __EFMigrationsHistory";
        Assert.True((long)(await check.ExecuteScalarAsync())! >= 1);
    }

    [Theory]
    [InlineData("DISCOGS_RATE_LIMIT", "0", "Discogs:MaxRequestsPerMinute")]
    [InlineData("VINYLVAULT_API_KEY", "too-short", "Auth:ApiKey")]
    public async Task Published_build_refuses_to_start_on_a_bad_setting_and_names_the_key(string variable, string value, string key)
    {
        await using var app = await PublishedApp.StartAsync(settings: new Dictionary<string, string> { [variable] = value });

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(key, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_build_is_precompiled_where_it_helps_start_up()
    {
        var directory = await PublishedApp.DirectoryAsync();

        // EF Core, SQLite and the compiled model: most of what the JIT would compile before /health answers.
        Assert.All(
            ["Microsoft.EntityFrameworkCore.dll", "Microsoft.EntityFrameworkCore.Relational.dll", "Microsoft.Data.Sqlite.dll", "VinylVault.Core.dll"],
            name => Assert.True(IsReadyToRun(Path.Combine(directory, name)), $"{name} should be ReadyToRun"));
        // The rest would only add mapped code.
        Assert.All(
            ["MudBlazor.dll", "OpenTelemetry.dll", "Refit.dll", "VinylVault.Api.dll", "VinylVault.Ui.dll"],
            name => Assert.False(IsReadyToRun(Path.Combine(directory, name)), $"{name} should be left to the JIT"));
    }

    internal static async Task<TimeSpan> WaitUntilHealthyAsync(PublishedApp app, HttpClient http, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < limit)
        {
            Assert.False(app.HasExited, "the app exited during start-up");
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK && (await health.Content.ReadAsStringAsync()).Contains("\"status\":\"healthy\"", StringComparison.Ordinal))
                {
                    return stopwatch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"/health was not Healthy within {limit.TotalSeconds} s");
    }

    private static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
