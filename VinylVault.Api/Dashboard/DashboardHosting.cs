using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using VinylVault.Api.Auth;
using VinylVault.Core.Images;
using VinylVault.Core.Sync;
using VinylVault.Ui;
using VinylVault.Ui.Collection;
using VinylVault.Ui.Settings;
using VinylVault.Ui.Sync;

namespace VinylVault.Api.Dashboard;

/// <summary>The MudBlazor dashboard (VinylVault.Ui) served by this process over Blazor Server circuits.</summary>
public static class DashboardHosting
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
            options.SnackbarConfiguration.ShowCloseIcon = true;
        });

        // The sync engine registers these too; the dashboard only needs them to exist.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<SyncProgress>();
        // Images:AllowedOrigins, read once; the check below makes a bad entry stop the start, naming the key.
        builder.Services.TryAddSingleton(s => ImageOrigins.FromConfiguration(s.GetRequiredService<IConfiguration>()));
        builder.Services.AddHostedService<ImageOriginsCheck>();
        builder.Services.TryAddSingleton(s => new CoverUrls { Origins = s.GetRequiredService<ImageOrigins>() });
        builder.Services.AddScoped<SyncCommands>();
        builder.Services.AddScoped<DiscogsAccountConnection>();
        return builder;
    }

    /// <summary>Call after UseVaultAuth: the pages need authentication, authorization and antiforgery in front.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

/// <summary>Resolving the allowed image origins at start-up is the check: a bad entry throws, naming the key.</summary>
internal sealed class ImageOriginsCheck(ImageOrigins origins) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => origins.Origins.Count > 0
        ? Task.CompletedTask
        : throw new InvalidOperationException($"{ImageOrigins.ConfigurationKey}: name at least one origin.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
