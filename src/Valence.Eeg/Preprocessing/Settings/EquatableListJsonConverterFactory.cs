using System.Text.Json;
using System.Text.Json.Serialization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>Reads and writes <see cref="EquatableList{T}"/> as a plain JSON array of its items.</summary>
internal sealed class EquatableListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<EquatableList<T>>
    {
        public override EquatableList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T[]>(ref reader, options) ?? throw new JsonException("Expected an array, not null."));

        public override void Write(Utf8JsonWriter writer, EquatableList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
