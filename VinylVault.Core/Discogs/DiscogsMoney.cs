using System.Globalization;

namespace VinylVault.Core.Discogs;

/// <summary>
/// An amount of money as Discogs reports it: "£2.50", "€1,234.00", "$5", "CA$12.00", "¥1,200", "CHF12.00", or
/// {"value": 100, "currency": "EUR"}. Discogs writes collection values the way an English locale formats each of its
/// twelve marketplace currencies: the symbol (or the ISO code where there is no unambiguous one) glued to the amount.
/// </summary>
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

        // A symbol Discogs uses, or an ISO code; anything else is not a currency we can name exactly.
        var currency = Symbols.TryGetValue(symbol, out var code) ? code
            : symbol.Length == 3 && symbol.All(char.IsAsciiLetter) ? symbol.ToUpperInvariant()
            : null;
        if (currency is null)
        {
            return false;
        }

        money = new DiscogsMoney(amount, currency);
        return true;
    }

    /// <summary>"£12.50", "CA$12.00", "¥1,200": the amount as Discogs writes it in <paramref name="currency"/> (an ISO code; unknown codes follow the amount).</summary>
    public static string Format(decimal amount, string? currency)
    {
        var decimals = currency == "JPY" ? 0 : 2;
        var number = Math.Round(amount, decimals).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var symbol = Symbols.FirstOrDefault(s => s.Value == currency).Key;
        return symbol is not null ? symbol + number : string.IsNullOrEmpty(currency) ? number : $"{number} {currency}";
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");
}
