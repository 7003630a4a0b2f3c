using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Value;

/// <summary>
/// Collection values as Discogs writes them in each of its twelve marketplace currencies (an English locale's
/// format: symbol or ISO code glued to the amount, thousands separated, no decimals for yen), parsed exactly.
/// </summary>
public sealed class CurrencyParsingTests
{
    [Theory]
    [InlineData("$1,234.56", "1234.56", "USD")]
    [InlineData("£2.50", "2.50", "GBP")]
    [InlineData("£5", "5", "GBP")] // recorded from Discogs: a whole amount comes without decimals
    [InlineData("€120.09", "120.09", "EUR")]
    [InlineData("CA$12.00", "12.00", "CAD")]
    [InlineData("A$1,050.25", "1050.25", "AUD")]
    [InlineData("¥1,200", "1200", "JPY")]
    [InlineData("CHF12.00", "12.00", "CHF")]
    [InlineData("MX$2,345.10", "2345.10", "MXN")]
    [InlineData("R$89.90", "89.90", "BRL")]
    [InlineData("NZ$17.35", "17.35", "NZD")]
    [InlineData("SEK1,120.00", "1120.00", "SEK")]
    [InlineData("ZAR3,400.75", "3400.75", "ZAR")]
    [InlineData("$0.01", "0.01", "USD")]
    [InlineData("€1,234,567.89", "1234567.89", "EUR")]
    public void Every_currency_Discogs_uses_parses_to_an_exact_decimal_and_its_code(string text, string amount, string currency)
    {
        Assert.True(DiscogsMoney.TryParse(text, out var money));

        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), money!.Amount);
        Assert.Equal(currency, money.Currency);
    }

    [Fact]
    public void Amounts_stay_exact_where_a_double_would_not()
    {
        Assert.True(DiscogsMoney.TryParse("$12,345,678.91", out var money));

        Assert.Equal(12_345_678.91m, money!.Amount);
        Assert.Equal("12345678.91", money.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12.00")] // no currency: not a value we can name
    [InlineData("kr12.00")] // a symbol that could be three currencies
    [InlineData("£")]
    [InlineData("about £5 or so")]
    public void Text_without_a_known_currency_and_amount_does_not_parse(string text)
    {
        Assert.False(DiscogsMoney.TryParse(text, out _));
    }

    [Theory]
    [InlineData("1234.5", "GBP", "£1,234.50")]
    [InlineData("1200", "JPY", "¥1,200")]
    [InlineData("12", "CAD", "CA$12.00")]
    [InlineData("12", "CHF", "CHF12.00")]
    [InlineData("99.9", "ZAR", "ZAR99.90")]
    [InlineData("7", null, "7.00")]
    public void Prices_are_shown_with_the_symbol_Discogs_uses(string amount, string? currency, string shown)
    {
        Assert.Equal(shown, DiscogsMoney.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));
    }
}
