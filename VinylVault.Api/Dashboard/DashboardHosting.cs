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
        // The image origins come with the cover cache (AddCovers): one rule for the browser and the downloader.
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
