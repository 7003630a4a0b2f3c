using System.Globalization;
using MudBlazor;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;

namespace VinylVault.Ui.Collection;

/// <summary>A Discogs search result as a card reads it: Discogs titles are "Artist - Title".</summary>
public static class SearchText
{
    public static string Title(SearchResult result) => DiscogsDisplay.SplitSearchTitle(result.Title).Title;

    public static string Artist(SearchResult result) => DiscogsDisplay.SplitSearchTitle(result.Title).Artist ?? "";

    /// <summary>What a result tells of its release, so a copy or a want added from it is listed at once.</summary>
    public static ReleaseHint Hint(SearchResult result) => new(Title(result), Artist(result), result.Year, result.Thumb);

    public static string Meta(SearchResult result) => string.Join(" · ", new[]
    {
        result.Year?.ToString(CultureInfo.InvariantCulture),
        result.Format.FirstOrDefault(),
        result.Label.FirstOrDefault(),
        result.Country,
    }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>Why a search has no results to show, in words for the collector.</summary>
public sealed record SearchProblem(Severity Severity, string Icon, string Title, string Detail)
{
    public static SearchProblem NoAccount { get; } = new(Severity.Info, Icons.Material.Outlined.Link, "No Discogs account yet",
        "Searching Discogs needs an account: connect yours in Settings (the demo collection brings its own).");

    public static SearchProblem From(DiscogsApiException error) => error switch
    {
        DiscogsConnectionException => new(Severity.Warning, Icons.Material.Outlined.CloudOff, "Discogs is unreachable",
            "Search needs Discogs, which cannot be reached right now. Everything in your own collection keeps working offline."),
        DiscogsAuthenticationException => new(Severity.Error, Icons.Material.Outlined.Key, "Discogs refused the token",
            "Check the Discogs account in Settings."),
        DiscogsRateLimitException => new(Severity.Warning, Icons.Material.Outlined.HourglassTop, "Discogs asks to slow down",
            "The request budget is spent for the moment (a sync may be using it). Try again in a minute."),
        _ => new(Severity.Error, Icons.Material.Outlined.ErrorOutline, "Discogs did not answer the search", error.Message),
    };
}
