using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Discogs;
using VinylVault.Tests.Api;
using VinylVault.Tests.Simulator;
using VinylVault.Ui.Settings;

namespace VinylVault.Tests.Ui;

/// <summary>The settings and welcome pages' connect form, against a simulated Discogs over real HTTP.</summary>
public sealed class DiscogsAccountConnectionTests
{
    [Fact]
    public async Task Testing_says_what_Discogs_answered_and_saves_nothing()
    {
        await using var discogs = await DiscogsFixture.StartAsync();
        await using var app = new VaultApp(DiscogsFixture.Settings(discogs, account: false));
        using var scope = app.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<DiscogsAccountConnection>();

        Assert.Equal(new ConnectionResult(true, $"Connected as {discogs.Username}"),
            await connection.TestAsync(discogs.Username, discogs.Token, CancellationToken.None));
        var refused = await connection.TestAsync(discogs.Username, "not-the-token", CancellationToken.None);
        var someoneElse = await connection.TestAsync("bob", discogs.Token, CancellationToken.None);

        Assert.False(refused.Ok);
        Assert.StartsWith("Discogs rejected the token: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new ConnectionResult(false, $"That token belongs to the Discogs user “{discogs.Username}”, not “bob”."), someoneElse);
        Assert.False(connection.HasAccount);
        Assert.Null(app.Services.GetRequiredService<IDiscogsAccount>().Token);
    }

    [Fact]
    public async Task Connecting_saves_the_account_the_client_then_uses()
    {
        await using var discogs = await DiscogsFixture.StartAsync();
        await using var app = new VaultApp(DiscogsFixture.Settings(discogs, account: false));
        using var scope = app.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<DiscogsAccountConnection>();

        var result = await connection.ConnectAsync(discogs.Username.ToUpperInvariant(), discogs.Token, CancellationToken.None);

        Assert.Equal(new ConnectionResult(true, $"Connected as {discogs.Username}"), result);
        Assert.Equal(discogs.Username, connection.Username);
        var (online, message) = await scope.ServiceProvider.GetRequiredService<DiscogsClient>().TestConnectionAsync(CancellationToken.None);
        Assert.True(online, message);

        await connection.DisconnectAsync(CancellationToken.None);
        Assert.False(connection.HasAccount);
    }

    [Fact]
    public async Task An_unreachable_Discogs_is_said_plainly()
    {
        await using var app = new VaultApp(DiscogsFixture.Unreachable());
        using var scope = app.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<DiscogsAccountConnection>()
            .TestAsync("alice", "some-token", CancellationToken.None);

        Assert.False(result.Ok);
        Assert.StartsWith("Discogs unreachable: ", result.Message, StringComparison.Ordinal);
    }
}
