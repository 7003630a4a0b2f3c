using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using VinylVault.Tests.Deploy;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// The floor under FootprintBenchmark's idle figure: the smallest apps the SDK's templates make on the design card's
/// stack, published as the Pi's build is (self-contained, for this machine, one workstation heap, no dynamic PGO, the
/// first generation capped at 6 MB), started with the environment of deploy/vinylvault.service and measured the same
/// way, 10 s after they answer.
/// dotnet test --settings VinylVault.Tests/benchmarks.runsettings --logger "console;verbosity=detailed" --filter FootprintFloorBenchmark
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class FootprintFloorBenchmark(ITestOutputHelper output)
{
    private sealed record Floor(string Name, string[] Template, string[] Paths, Action<string>? Extend = null);

    [Fact]
    public async Task Idle_memory_of_the_stack_without_VinylVault()
    {
        Floor[] floors =
        [
            new("ASP.NET Core minimal API (dotnet new web)", ["web"], ["/"]),
            new("Blazor Server (dotnet new blazor --interactivity Server), home page rendered", ["blazor", "--interactivity", "Server"], ["/"]),
            new("the same + EF Core SQLite: one entity, created, one row written, one LINQ query", ["blazor", "--interactivity", "Server"], ["/", "/count"], AddEfCore),
        ];
        var root = Directory.CreateTempSubdirectory("vinylvault-floor-").FullName;
        try
        {
            foreach (var floor in floors)
            {
                var published = await PublishAsync(floor, Path.Combine(root, $"floor{Array.IndexOf(floors, floor)}"));
                var idle = new List<double>();
                for (var run = 0; run < 3; run++)
                {
                    idle.Add(await IdleResidentMegabytesAsync(published, floor.Paths));
                }

                output.WriteLine($"{floor.Name}: idle RSS {idle.Order().ElementAt(1):0} MB (median of {string.Join(", ", idle.Select(mb => mb.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> PublishAsync(Floor floor, string directory)
    {
        await PublishedApp.DotnetAsync(["new", .. floor.Template, "-n", "Floor", "-o", directory, "--no-restore"]);
        floor.Extend?.Invoke(directory);
        var output = Path.Combine(directory, "published");
        await PublishedApp.DotnetAsync(["publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "-o", output,
            "-p:ServerGarbageCollection=false", "-p:TieredPGO=false", "--nologo", "-v", "quiet"], directory);
        return Path.Combine(output, "Floor");
    }

    /// <summary>The least EF Core a Blazor Server app can use, with VinylVault's EF Core version.</summary>
    private static void AddEfCore(string directory)
    {
        var version = XDocument.Load(Path.Combine(DeployFilesTests.RepositoryRoot(), "Directory.Packages.props"))
            .Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == "Microsoft.EntityFrameworkCore.Sqlite").Attribute("Version")!.Value;
        var project = Path.Combine(directory, "Floor.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
            $"""<ItemGroup><PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{version}" /></ItemGroup></Project>""", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "Records.cs"), """
            using Microsoft.EntityFrameworkCore;
            namespace Floor;
            public sealed class Record { public int Id { get; set; } public string Title { get; set; } = ""; public int Year { get; set; } }
            public sealed class Records(DbContextOptions<Records> options) : DbContext(options) { public DbSet<Record> All => Set<Record>(); }
            """);
        var program = Path.Combine(directory, "Program.cs");
        File.WriteAllText(program, "using Microsoft.EntityFrameworkCore;\n" + File.ReadAllText(program).Replace("var app = builder.Build();", """
            builder.Services.AddDbContext<Floor.Records>(o => o.UseSqlite("Data Source=" + Path.Combine(AppContext.BaseDirectory, "floor.db")));
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<Floor.Records>();
                db.Database.EnsureDeleted();
                db.Database.EnsureCreated();
                db.All.Add(new Floor.Record { Title = "Blue Train", Year = 1958 });
                db.SaveChanges();
            }

            app.MapGet("/count", async (Floor.Records db) => (await db.All.Where(r => r.Year > 1900).OrderBy(r => r.Title).CountAsync()).ToString());
            """, StringComparison.Ordinal));
    }

    private static async Task<double> IdleResidentMegabytesAsync(string executable, string[] paths)
    {
        var address = new Uri($"http://127.0.0.1:{PublishedApp.FreePort()}");
        var start = PublishedApp.StartInfo(executable, address);
        start.Environment["DOTNET_GCgen0MaxBudget"] = "600000"; // 6 MB in hex, VinylVault.Api's System.GC.Gen0MaxBudget
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            foreach (var path in paths)
            {
                await AnswersAsync(http, path);
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
            return PublishedApp.ResidentMegabytes(process.Id).Current;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task AnswersAsync(HttpClient http, string path)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }
}
