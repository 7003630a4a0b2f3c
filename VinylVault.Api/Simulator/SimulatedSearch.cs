using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator;

/// <summary>
/// The query of GET /database/search. Like Discogs, a barcode matches only as it was entered on the release or as
/// its bare digits ("0 12345 67890 5" is found by that or by "012345678905", not by "12345678905"), which is why
/// clients try the digits first and then the printed form. A catalogue number matches ignoring case and spaces.
/// </summary>
internal sealed record SimulatedSearch(string? Q, string? Type, string? Barcode, string? Catno)
{
    public bool ByPrint => !string.IsNullOrWhiteSpace(Barcode) || !string.IsNullOrWhiteSpace(Catno);

    public bool MatchesPrint(GeneratedRelease release)
    {
        if (!string.IsNullOrWhiteSpace(Barcode)
            && (release.Barcode is not { } printed || (Barcode.Trim() != printed && Barcode.Trim() != new string([.. printed.Where(char.IsAsciiDigit)]))))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(Catno)
            || release.Labels?.Any(l => Squeeze(l.Catno) == Squeeze(Catno)) == true;
    }

    private static string Squeeze(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);
}
