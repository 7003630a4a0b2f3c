using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VinylVault.Core.Discogs;

/// <summary>The one set of JSON options for Discogs' wire format, with converters for the API's traps.</summary>
public static class DiscogsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new LenientInt32Converter());
        options.Converters.Add(new DiscogsMoneyConverter());
        options.Converters.Add(new EmptyListConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Integers that Discogs sometimes sends as strings ("2008", qty "2"), or as "" when unknown.</summary>
internal sealed class LenientInt32Converter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var n) => n,
        JsonTokenType.Number => (int)reader.GetDouble(),
        JsonTokenType.String => int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a number, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Money as a symbol string ("£2.50"), a bare number, or {"value", "currency"}.</summary>
internal sealed class DiscogsMoneyConverter : JsonConverter<DiscogsMoney?>
{
    public override bool HandleNull => true;

    public override DiscogsMoney? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return DiscogsMoney.TryParse(reader.GetString(), out var money) ? money : null;
            case JsonTokenType.Number:
                return new DiscogsMoney(reader.GetDecimal(), "");
            case JsonTokenType.StartObject:
                using (var doc = JsonDocument.ParseValue(ref reader))
                {
                    var root = doc.RootElement;
                    if (!root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number)
                    {
                        return null;
                    }

                    var currency = root.TryGetProperty("currency", out var c) ? c.GetString() ?? "" : "";
                    return new DiscogsMoney(value.GetDecimal(), currency);
                }

            default:
                throw new JsonException($"Expected money, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DiscogsMoney? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("value", value.Amount);
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}

/// <summary>A null or missing list reads as an empty one, so no caller checks for null.</summary>
internal sealed class EmptyListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EmptyListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class EmptyListConverter<T> : JsonConverter<IReadOnlyList<T>>
    {
        public override bool HandleNull => true;

        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? [] : JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? [];

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToList(), options);
    }
}

/// <summary>A field that is a string in old answers and a list in new ones (search "label").</summary>
internal sealed class StringOrListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override bool HandleNull => true;

    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => [],
        JsonTokenType.String => reader.GetString() is { Length: > 0 } s ? [s] : [],
        _ => JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [],
    };

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToList(), options);
}
