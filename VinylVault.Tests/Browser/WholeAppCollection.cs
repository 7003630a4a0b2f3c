namespace VinylVault.Tests.Browser;

/// <summary>
/// Tests that run whole apps with syncs (browser flows, the demo mode) run alone, after the parallel ones: a sync
/// sets process-wide meters that another app's /metrics would report (OpenTelemetry listens to every "VinylVault"
/// meter in the process), and Chromium plus two servers is a lot for a 2-core machine at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeAppCollection
{
    public const string Name = "Whole app, alone";
}
