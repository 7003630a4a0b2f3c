using System.Diagnostics;
using System.Globalization;

namespace VinylVault.Tests.Load;

/// <summary>
/// The closed loop run by wrk (Debian's <c>wrk</c>, C on epoll) in its own process: the capacity of the app itself,
/// without a .NET client's allocations and threads in the app's process. Each of its connections sends the next
/// request when the last one answered, cycling through the same paths as the in-process generator.
/// </summary>
public static class WrkGenerator
{
    public sealed record Figures(int Requests, int Errors, TimeSpan Elapsed, double P50, double P95, double P99);

    public static async Task<Figures> RunAsync(Uri address, string apiKey, string[] paths, int connections, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"vinylvault-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(apiKey, paths));
        try
        {
            var start = new ProcessStartInfo("wrk")
            {
                ArgumentList = { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s", "-s", script, address.ToString() },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var line = output.Split('\n').SingleOrDefault(l => l.StartsWith("vinylvault ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk gave no figures (exit {wrk.ExitCode}): {output}{await wrk.StandardError.ReadToEndAsync()}");
            var f = line.Split(' ').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return new Figures((int)f[0], (int)(f[2] + f[3]), TimeSpan.FromMicroseconds(f[1]), f[4] / 1000, f[5] / 1000, f[6] / 1000);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The wrk generator needs wrk on PATH: sudo apt-get install wrk", e);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string Script(string apiKey, string[] paths) => $$"""
        local paths = { {{string.Join(", ", paths.Select(p => $"\"{p}\""))}} }
        local n = 0
        wrk.headers["Authorization"] = "Bearer {{apiKey}}"
        function init(args) n = math.random(#paths) end
        function request()
          n = n + 1
          return wrk.format("GET", paths[(n % #paths) + 1])
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("vinylvault %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
            e.connect + e.read + e.write + e.timeout, e.status,
            latency:percentile(50), latency:percentile(95), latency:percentile(99)))
        end
        """;
}
