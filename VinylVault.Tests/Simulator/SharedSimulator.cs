namespace VinylVault.Tests.Simulator;

/// <summary>One read-only simulator (600 copies, no practical rate limit) shared by the tests of a class.</summary>
public sealed class SharedSimulator : IAsyncLifetime
{
    public SimulatorServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (600, 100_000));
        Client = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
