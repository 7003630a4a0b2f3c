using MudBlazor;

namespace VinylVault.Ui.Layout;

/// <summary>The look of VinylVault: a record-label violet with a warm orange accent, light and dark.</summary>
public static class VaultTheme
{
    private static readonly string[] FontStack =
        ["Inter", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5B3CC4",
            Secondary = "#E8642C",
            Tertiary = "#1E9E8A",
            AppbarBackground = "#1D1830",
            AppbarText = "#F4F1FF",
            Background = "#F6F4FA",
            Surface = "#FFFFFF",
            DrawerBackground = "#F6F4FA",
            DrawerText = "rgba(0,0,0,0.78)",
            DrawerIcon = "rgba(0,0,0,0.6)",
            TextPrimary = "#1D1830",
            TextSecondary = "rgba(29,24,48,0.64)",
            Success = "#2E9E5B",
            LinesDefault = "rgba(29,24,48,0.10)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#A896FF",
            Secondary = "#FF8A50",
            Tertiary = "#4FD1B8",
            AppbarBackground = "#15121F",
            AppbarText = "#F4F1FF",
            Background = "#0F0D16",
            Surface = "#1A1724",
            DrawerBackground = "#0F0D16",
            DrawerText = "rgba(244,241,255,0.82)",
            DrawerIcon = "rgba(244,241,255,0.66)",
            TextPrimary = "#F4F1FF",
            TextSecondary = "rgba(244,241,255,0.62)",
            Success = "#5BD38A",
            LinesDefault = "rgba(244,241,255,0.10)",
            TableLines = "rgba(244,241,255,0.08)",
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "10px",
            DrawerWidthLeft = "232px",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack, FontWeight = "700", LetterSpacing = "-0.01em" },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "700" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, FontWeight = "600", TextTransform = "none", LetterSpacing = "0" },
        },
    };
}
