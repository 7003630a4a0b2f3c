using System.Globalization;

namespace VinylVault.Api.Simulator;

/// <summary>
/// The currencies Discogs' marketplace knows, written the way Discogs writes amounts in a collection value
/// ("$1,234.56", "CA$12.00", "¥1,200", "CHF12.00"), with fixed rates so a release's price converts between them.
/// The simulator's generated prices are in the owner's currency.
/// </summary>
internal static class SimulatedCurrency
{
    // Prefix, decimals, units per US dollar (rough, fixed: a simulator needs stable numbers, not today's rates).
    private static readonly Dictionary<string, (string Prefix, int Decimals, decimal PerDollar)> Known = new(StringComparer.Ordinal)
    {
        ["USD"] = ("$", 2, 1m),
        ["GBP"] = ("£", 2, 0.79m),
        ["EUR"] = ("€", 2, 0.92m),
        ["CAD"] = ("CA$", 2, 1.37m),
        ["AUD"] = ("A$", 2, 1.52m),
        ["JPY"] = ("¥", 0, 150m),
        ["CHF"] = ("CHF", 2, 0.88m),
        ["MXN"] = ("MX$", 2, 17.1m),
        ["BRL"] = ("R$", 2, 5.0m),
        ["NZD"] = ("NZ$", 2, 1.65m),
        ["SEK"] = ("SEK", 2, 10.5m),
        ["ZAR"] = ("ZAR", 2, 18.6m),
    };

    public static IReadOnlyCollection<string> Codes => Known.Keys;

    public static bool IsKnown(string? code) => code is not null && Known.ContainsKey(code);

    /// <summary>"£1,234.56", "¥1,200": the prefix glued to the amount, thousands separated, the currency's decimals.</summary>
    public static string Format(decimal amount, string code)
    {
        var (prefix, decimals, _) = Known[code];
        return prefix + Math.Round(amount, decimals).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>An amount in <paramref name="from"/> as Discogs would quote it in <paramref name="to"/>.</summary>
    public static decimal Convert(decimal amount, string from, string to) =>
        from == to ? amount : Math.Round(amount / Known[from].PerDollar * Known[to].PerDollar, Known[to].Decimals);
}
