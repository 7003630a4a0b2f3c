using System.Text;
using VinylVault.Core.Collection;

namespace VinylVault.Core.Lookup;

/// <summary>
/// The keys a lookup compares, written by the sync and computed from what the user typed or scanned, the same way.
/// A barcode is its digits without leading zeros: "0 74646 36282 2" (UPC-A as printed), "074646362822" and
/// "0074646362822" (the EAN-13 of the same code) all meet at "74646362822". A catalogue number is its letters and
/// digits, folded to upper case: "SK 026", "sk-026" and "SK026" are one.
/// </summary>
public static class LookupKeys
{
    public const string BarcodeType = "Barcode";

    /// <summary>The barcode key, or "" when the text holds no digit other than zeros.</summary>
    public static string Barcode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9' && (c != '0' || digits.Length > 0))
            {
                digits.Append(c);
            }
        }

        return digits.ToString();
    }

    /// <summary>Whether the text reads as a barcode someone typed: digits with spaces or dashes, at least 8 of them.</summary>
    public static bool LooksLikeBarcode(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-')
        && text.Count(char.IsAsciiDigit) >= 8;

    /// <summary>Whether the text is a whole barcode as printed or scanned: EAN-8, UPC-A (12 digits) or EAN-13 and longer.</summary>
    public static bool IsWholeBarcode(string? text) =>
        LooksLikeBarcode(text) && text!.Count(char.IsAsciiDigit) is 8 or >= 12;

    /// <summary>The catalogue-number key (also for matrix and label codes), or null when there is nothing to match ("none").</summary>
    public static string? Catno(string? text)
    {
        var folded = TextFold.Fold(text);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }

        // Discogs writes "none" for releases without a catalogue number; it must not match them all.
        return key.Length == 0 || key.ToString() == "NONE" ? null : key.ToString();
    }

    /// <summary>The key an identifier is stored under: barcodes by their digits, everything else like a catalogue number.</summary>
    public static string Identifier(string type, string value) =>
        string.Equals(type, BarcodeType, StringComparison.OrdinalIgnoreCase) ? Barcode(value) : Catno(value) ?? "";
}
