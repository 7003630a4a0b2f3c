namespace VinylVault.Tests.Load;

/// <summary>The load benchmark made small: no timing is asserted, only that load and a sync at the limit live together.</summary>
public sealed class LoadTests
{
    [Fact]
    public async Task Ten_clients_hub_listeners_and_dashboards_leave_a_sync_at_the_limit_unharmed()
    {
        var result = (await LoadDriver.RunAsync(collectionSize: 300, clients: 10, openLoopRate: null, duration: TimeSpan.FromSeconds(6), hubs: 5, dashboards: 3)).Single();

        Assert.True(result.Requests > 0);
        Assert.Equal(0, result.Errors);
        Assert.Equal(0, result.TooMany);
        Assert.Equal("completed", result.SyncOutcome);
    }
}
