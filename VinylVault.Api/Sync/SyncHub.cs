using Microsoft.AspNetCore.SignalR;
using VinylVault.Core.Sync;

namespace VinylVault.Api.Sync;

/// <summary>What the hub sends; <c>status</c> is the sync_status object of the REST contract.</summary>
public interface ISyncClient
{
    Task SyncProgress(SyncStatus status);

    Task SyncCompleted(SyncStatus status);
}

/// <summary>Live sync progress for clients outside the process. Clients only listen: runs start and stop through REST.</summary>
public sealed class SyncHub : Hub<ISyncClient>;

public static class SyncHubEndpoints
{
    public const string Path = "/hubs/sync";

    public static WebApplicationBuilder AddLiveProgress(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(o => Http.ApiJson.Apply(o.PayloadSerializerOptions));
        builder.Services.AddHostedService<SyncProgressBroadcaster>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSyncHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<SyncHub>(Path).RequireAuthorization();
        return app;
    }
}
