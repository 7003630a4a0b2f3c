using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace VinylVault.Core.Collection.Storage;

internal static class Utc
{
    /// <summary>Local times become UTC; unspecified ones are taken as UTC already (they came from this database).</summary>
    public static DateTime Normalize(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => Utc.Normalize(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v.HasValue ? Utc.Normalize(v.Value) : v,
    v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
