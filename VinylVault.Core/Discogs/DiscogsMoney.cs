using System.Globalization;

namespace VinylVault.Core.Discogs;

/// <summary>An amount of money as Discogs reports it: "£2.50", "€1,234.00", "$5", or {"value": 100, "currency": "EUR"}.</summary>
public sealed record DiscogsMoney(decimal Amount, string Currency)
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["£"] = "GBP",
        ["€"] = "EUR",
        ["$"] = "USD",
        ["¥"] = "JPY",
        ["A$"] = "AUD",
        ["CA$"] = "CAD",
        ["R$"] = "BRL",
        ["MX$"] = "MXN",
        ["NZ$"] = "NZD",
        ["CHF"] = "CHF",
        ["SEK"] = "SEK",
        ["ZAR"] = "ZAR",
    };

    public static bool TryParse(string? text, out DiscogsMoney? money)
    {
        money = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var start = 0;
        while (start < s.Length && !char.IsDigit(s[start]) && s[start] != '-')
        {
            start++;
        }

        var end = s.Length;
        while (end > start && !char.IsDigit(s[end - 1]))
        {
            end--;
        }

        if (end <= start)
        {
            return false;
        }

        var symbol = (s[..start] + s[end..]).Trim();
        if (!decimal.TryParse(s[start..end].Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var currency = Symbols.TryGetValue(symbol, out var code) ? code : symbol.ToUpperInvariant();
        money = new DiscogsMoney(amount, currency);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");
}
