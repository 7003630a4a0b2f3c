using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace VinylVault.Tests.Ui;

/// <summary>A bunit context with what MudBlazor components expect and a clock the test owns.</summary>
internal static class MudTestContext
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static BunitContext Create(out FakeTimeProvider time)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(options =>
        {
            options.PopoverOptions.CheckForPopoverProvider = false;
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        time = new FakeTimeProvider(Now);
        ctx.Services.AddSingleton<TimeProvider>(time);
        return ctx;
    }

    public static BunitContext Create() => Create(out _);
}
