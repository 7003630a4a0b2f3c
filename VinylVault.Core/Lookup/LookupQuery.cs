namespace VinylVault.Core.Lookup;

/// <summary>What the user typed or scanned: a barcode, a catalogue number, or free text (which tries all three).</summary>
public enum LookupKind { Barcode, Catno, Text }

public sealed record LookupQuery(LookupKind Kind, string Text)
{
    /// <summary>At most this many owned copies and Discogs results in one answer: a lookup is a question, not a browse.</summary>
    public const int MaxResults = 50;
}
