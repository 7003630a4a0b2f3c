using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Deploy;

/// <summary>
/// The app as it runs on the Pi: the build deploy/publish-pi.sh makes (self-contained, ReadyToRun), for this machine,
/// started as its own process from a clean data directory with nothing but environment variables, the way
/// deploy/vinylvault.service starts it.
/// </summary>
internal sealed class PublishedApp : IAsyncDisposable
{
    public const string ApiKey = "smoke-test-bootstrap-key-0123456789";

    // Published once per test run: a self-contained ReadyToRun publish takes about 40 s.
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private PublishedApp(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the app wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task<int?> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The directory of the published build (published on first use).</summary>
    public static Task<string> DirectoryAsync() => Published.Value;

    public static async Task<PublishedApp> StartAsync(SimulatorServer? discogs = null, string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = await DirectoryAsync();
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("vinylvault-smoke-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo(Path.Combine(directory, "VinylVault.Api"), address);
        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["VINYLVAULT_API_KEY"] = ApiKey;
        if (discogs is not null)
        {
            start.Environment["Discogs__BaseUrl"] = discogs.BaseUrl;
            start.Environment["Discogs__Username"] = discogs.Username;
            start.Environment["Discogs__Token"] = discogs.Token;
            start.Environment["Discogs__MaxRequestsPerMinute"] = discogs.Simulator.RateLimit.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Discogs__RateLimitWindowSeconds"] = discogs.Simulator.RateLimit.Window.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the published app did not start");
        var app = new PublishedApp(process, address, data);
        // Read the output as it comes, so the app never blocks on a full pipe.
        process.OutputDataReceived += (_, line) => app.Append(line.Data);
        process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public HttpClient CreateClient(bool authenticated = true)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        }

        return client;
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM), in MB.</summary>
    public (double Current, double Peak) ResidentMegabytes() => ResidentMegabytes(_process.Id);

    /// <summary>Resident memory of any process now and at its peak (VmRSS, VmHWM), in MB.</summary>
    public static (double Current, double Peak) ResidentMegabytes(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        double Read(string key) => double.Parse(status.Single(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    /// <summary>The names the runtime gave the process's threads (".NET Server GC", ".NET TP Worker", ...).</summary>
    public IReadOnlyList<string> ThreadNames() =>
        Directory.GetDirectories($"/proc/{_process.Id}/task").Select(task => File.ReadAllText(Path.Combine(task, "comm")).Trim()).ToList();

    /// <summary>Sends SIGTERM, as systemd and Docker do, and returns how long the app took to exit (null if it did not within the limit).</summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return stopwatch.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"vinylvault-publish-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(output, recursive: true);
        var project = Path.Combine(DeployFilesTests.RepositoryRoot(), "VinylVault.Api", "VinylVault.Api.csproj");
        await DotnetAsync(["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "-o", output, "--nologo", "-v", "quiet"]);
        return output;
    }

    /// <summary>Runs the dotnet CLI and fails with its output if it fails.</summary>
    internal static async Task DotnetAsync(string[] arguments, string? workingDirectory = null)
    {
        using var dotnet = Process.Start(new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = await dotnet.StandardOutput.ReadToEndAsync() + await dotnet.StandardError.ReadToEndAsync();
        await dotnet.WaitForExitAsync();
        if (dotnet.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{log}");
        }
    }

    /// <summary>How deploy/vinylvault.service starts a published build (its Environment= lines), on a test address.</summary>
    internal static ProcessStartInfo StartInfo(string executable, Uri address)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(executable),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in UnitEnvironment())
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    /// <summary>The unit's Environment= lines (GC heap limit, malloc arenas); the address and data directory are the test's own.</summary>
    private static IEnumerable<(string Key, string Value)> UnitEnvironment() =>
        DeployFilesTests.Read("vinylvault.service").Split('\n')
            .Where(line => line.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(line => line["Environment=".Length..].Split('=', 2))
            .Select(pair => (pair[0], pair[1]));

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
