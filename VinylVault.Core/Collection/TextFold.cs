using System.Globalization;
using System.Text;

namespace VinylVault.Core.Collection;

/// <summary>
/// Folds text to lower case without accents, so that "sodermalm" finds "Södermalm" and "Æ" sorts like "ae".
/// SQLite's own NOCASE only knows ASCII, so the sync stores folded keys and queries fold their input the same way.
/// </summary>
public static class TextFold
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Letters that do not decompose into a base letter and a mark.
            switch (char.ToLowerInvariant(c))
            {
                case 'ø': folded.Append('o'); break;
                case 'æ': folded.Append("ae"); break;
                case 'œ': folded.Append("oe"); break;
                case 'ß': folded.Append("ss"); break;
                case 'ł': folded.Append('l'); break;
                case 'đ': folded.Append('d'); break;
                case 'þ': folded.Append("th"); break;
                case var lower: folded.Append(lower); break;
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
