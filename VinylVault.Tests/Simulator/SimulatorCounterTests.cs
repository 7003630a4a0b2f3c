using System.Net;

namespace VinylVault.Tests.Simulator;

/// <summary>The counters tell a test what a client did: by endpoint and status, per release, and since a reset.</summary>
public sealed class SimulatorCounterTests
{
    [Fact]
    public async Task Answers_are_counted_by_endpoint_and_status()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (20, 1_000));
        using var client = server.CreateClient();
        var id = server.Simulator.Collection.ReleaseIds[0];

        (await client.GetAsync("oauth/identity")).Dispose();
        (await client.GetAsync("oauth/identity")).Dispose();
        (await client.GetAsync("users/demo/collection/folders/0/releases?per_page=100")).Dispose();
        (await client.GetAsync($"releases/{id}")).Dispose();
        (await client.GetAsync("releases/9")).Dispose();
        (await client.GetAsync("no/such/path")).Dispose();

        var counters = server.Simulator.Counters;
        Assert.Equal(2, counters.Requests("identity", 200));
        Assert.Equal(1, counters.Requests("collection"));
        Assert.Equal(1, counters.Requests("release", 200));
        Assert.Equal(1, counters.Requests("release", 404));
        Assert.Equal(1, counters.Requests("unknown", 404));
        Assert.Equal(6, counters.TotalRequests);
        Assert.Equal(6, counters.Answers.Values.Sum());
    }

    [Fact]
    public async Task Requests_per_release_reveal_a_double_fetch_and_a_retried_one()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (20, 1_000));
        using var client = server.CreateClient();
        var (once, twice, retried) = (server.Simulator.Collection.ReleaseIds[0], server.Simulator.Collection.ReleaseIds[1], server.Simulator.Collection.ReleaseIds[2]);

        (await client.GetAsync($"releases/{once}")).Dispose();
        (await client.GetAsync($"releases/{twice}")).Dispose();
        (await client.GetAsync($"releases/{twice}")).Dispose();
        server.Simulator.Faults.FailNext(1, HttpStatusCode.BadGateway);
        (await client.GetAsync($"releases/{retried}")).Dispose();
        (await client.GetAsync($"releases/{retried}")).Dispose();

        var counters = server.Simulator.Counters;
        Assert.Equal(new(1, 1), counters.Release(once));
        Assert.Equal(new(2, 2), counters.Release(twice));
        Assert.Equal(new(2, 1), counters.Release(retried));
        Assert.Equal([twice], counters.Releases.Where(r => r.Value.Served > 1).Select(r => r.Key));
    }

    [Fact]
    public async Task Reset_zeroes_every_counter_and_the_peak()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (20, 2));
        using var client = server.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync($"releases/{server.Simulator.Collection.ReleaseIds[0]}")).Dispose();
        }

        server.Simulator.Counters.Reset();

        var counters = server.Simulator.Counters;
        Assert.Equal((0, 0, 0, 0), (counters.TotalRequests, counters.TooManyRequests, counters.PeakInWindow(), counters.Releases.Count));
        Assert.Empty(counters.Answers);
        Assert.Empty(counters.UserAgents);
        Assert.Empty(counters.AcceptedArrivals());
    }

    [Fact]
    public async Task Image_requests_are_counted_apart_and_cost_no_rate_limit()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (20, 1));
        using var client = server.CreateClient();
        var page = await client.GetDiscogsAsync<VinylVault.Core.Discogs.CollectionPage>("users/demo/collection/folders/0/releases");

        foreach (var thumb in page.Releases.Select(r => r.BasicInformation.Thumb).Where(t => !string.IsNullOrEmpty(t)).Take(5))
        {
            using var image = await client.GetAsync(thumb);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        }

        Assert.Equal(5, server.Simulator.Counters.Requests("image", 200));
        Assert.Equal(1, server.Simulator.Counters.TotalRequests);
    }
}
