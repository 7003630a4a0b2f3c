using VinylVault.Core.Lookup;

namespace VinylVault.Tests.Lookup;

public sealed class LookupKeysTests
{
    [Theory]
    [InlineData("074646362822")] // UPC-A, as Discogs often stores it
    [InlineData("0 74646 36282 2")] // as printed under the bars
    [InlineData("0074646362822")] // the same code as EAN-13
    [InlineData("74646362822")] // the leading zero left off
    [InlineData("0-74646-36282-2")]
    public void Every_spelling_of_one_barcode_has_one_key(string typed)
    {
        Assert.Equal("74646362822", LookupKeys.Barcode(typed));
    }

    [Theory]
    [InlineData("SK 026", "SK026")]
    [InlineData("sk-026", "SK026")]
    [InlineData("CK 63628", "CK63628")]
    [InlineData("none", null)]
    [InlineData(" - ", null)]
    public void Catalogue_numbers_ignore_case_spaces_and_dashes(string typed, string? key)
    {
        Assert.Equal(key, LookupKeys.Catno(typed));
    }

    [Theory]
    [InlineData("003157067737", true)] // UPC-A with zeros in the maker's code: its key is only 10 digits
    [InlineData("4006381333931", true)]
    [InlineData("96385074", true)] // EAN-8
    [InlineData("74646362822", false)] // 11 digits: a UPC typed without its zero, not yet whole
    [InlineData("CK 63628", false)]
    public void A_whole_barcode_is_8_or_at_least_12_digits(string text, bool whole)
    {
        Assert.Equal(whole, LookupKeys.IsWholeBarcode(text));
    }

    [Theory]
    [InlineData("0 74646 36282 2", true)]
    [InlineData("5012345", false)] // too short for a barcode: a catalogue number or text
    [InlineData("Blue Train", false)]
    public void Text_is_tried_as_a_barcode_only_when_it_reads_like_one(string text, bool barcode)
    {
        Assert.Equal(barcode, LookupKeys.LooksLikeBarcode(text));
    }
}
