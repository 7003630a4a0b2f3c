namespace VinylVault.Tests.Support;

/// <summary>Programs the tests run for real (Chromium, Prometheus), found on PATH where ./test.sh installs them.</summary>
internal static class InstalledProgram
{
    /// <summary>The first of <paramref name="names"/> found on PATH; a clear failure naming the fix when none is.</summary>
    public static string Find(params string[] names) =>
        names
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{names[0]} is not installed (not on PATH): ./test.sh installs it.");
}
