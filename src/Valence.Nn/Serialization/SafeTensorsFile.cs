using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using Valence.IO;

namespace Valence.Nn.Serialization;

/// <summary>
/// Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, an optional string map <c>__metadata__</c>, then the raw little-endian bytes.
/// </summary>
/// <remarks>
/// Reading checks the header length, every dtype, every shape and every byte range against the file's real length
/// before it allocates anything large, so a truncated or lying file is refused with a <see cref="ModelFormatException"/>.
/// Writing goes to a temporary file that is then renamed over the target, so a crash never leaves half a file.
/// </remarks>
public static class SafeTensorsFile
{
    /// <summary>The largest header accepted (the safetensors reference implementation's limit).</summary>
    public const int MaxHeaderBytes = 100_000_000;

    private const string MetadataKey = "__metadata__";

    /// <summary>Reads every tensor and the metadata of a safetensors file.</summary>
    /// <exception cref="ModelFormatException">The file is truncated, corrupted or inconsistent.</exception>
    public static SafeTensorsContent Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long fileLength = stream.Length;
        if (fileLength < 8)
            throw new ModelFormatException(path, $"the file is {fileLength} bytes long, too short for the 8-byte header length.");
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderBytes)
            throw new ModelFormatException(path, $"the header length at byte 0 claims {headerLength} bytes, more than the {MaxHeaderBytes} allowed.");
        if (8 + (long)headerLength > fileLength)
            throw new ModelFormatException(path, $"the header length at byte 0 claims {headerLength} bytes, but only {fileLength - 8} follow.");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        long dataStart = 8 + (long)headerLength;
        var layout = ParseHeader(path, header, fileLength - dataStart);

        var entries = new List<SafeTensorEntry>(layout.Tensors.Count);
        foreach (var t in layout.Tensors.OrderBy(t => t.Begin))
        {
            stream.Position = dataStart + t.Begin;
            var data = new byte[t.End - t.Begin];
            stream.ReadExactly(data);
            entries.Add(new SafeTensorEntry(t.Name, t.DType, t.Shape, data));
        }
        var ordered = layout.Tensors.Select(t => entries.First(e => e.Name == t.Name)).ToList();
        return new SafeTensorsContent(layout.Metadata, ordered);
    }

    /// <summary>Writes tensors (in the given order) and metadata atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<(string Name, IReadOnlyList<int> Shape, ReadOnlyMemory<float> Values)> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = tensors.ToList();
        var names = new HashSet<string>();
        foreach (var (name, shape, values) in list)
        {
            if (name == MetadataKey || !names.Add(name))
                throw new ArgumentException($"Tensor name '{name}' is reserved or used twice.", nameof(tensors));
            long count = shape.Aggregate(1L, (p, d) => p * d);
            if (count != values.Length)
                throw new ArgumentException($"Tensor '{name}' has shape [{string.Join(", ", shape)}] ({count} elements) but {values.Length} values.", nameof(tensors));
        }

        var header = BuildHeader(list.Select(t => (t.Name, t.Shape, (long)t.Values.Length * 4)), metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> lengthBytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)header.Length);
            stream.Write(lengthBytes);
            stream.Write(header);
            foreach (var (_, _, values) in list)
            {
                if (!BitConverter.IsLittleEndian)
                    throw new PlatformNotSupportedException("Writing safetensors needs a little-endian machine.");
                stream.Write(MemoryMarshal.AsBytes(values.Span));
            }
        });
    }

    private static byte[] BuildHeader(IEnumerable<(string Name, IReadOnlyList<int> Shape, long Bytes)> tensors,
        IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata) json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, shape, bytes) in tensors)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int d in shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes;
            }
            json.WriteEndObject();
        }
        // Pad with spaces so that the data starts 8-byte aligned, as the reference writer does.
        int padding = (int)((8 - buffer.Length % 8) % 8);
        for (int i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    private sealed record TensorLayout(string Name, SafeTensorDType DType, int[] Shape, long Begin, long End);

    private sealed record HeaderLayout(IReadOnlyDictionary<string, string> Metadata, List<TensorLayout> Tensors);

    private static HeaderLayout ParseHeader(string path, byte[] header, long dataLength)
    {
        if (!Utf8.IsValid(header))
            throw new ModelFormatException(path, $"the JSON header (bytes 8 to {8 + header.Length}) is not valid UTF-8.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new ModelFormatException(path, $"the JSON header (bytes 8 to {8 + header.Length}) is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ModelFormatException(path, "the JSON header is not an object.");
            var metadata = new Dictionary<string, string>();
            var tensors = new List<TensorLayout>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                    ReadMetadata(path, property.Value, metadata);
                else
                    tensors.Add(ReadTensorLayout(path, property.Name, property.Value, dataLength));
            }
            CheckCoverage(path, tensors, dataLength);
            return new HeaderLayout(metadata, tensors);
        }
    }

    private static void ReadMetadata(string path, JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new ModelFormatException(path, $"header field '{MetadataKey}' is not an object of strings.");
        foreach (var item in element.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw new ModelFormatException(path, $"header field '{MetadataKey}.{item.Name}' is not a string.");
            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static TensorLayout ReadTensorLayout(string path, string name, JsonElement element, long dataLength)
    {
        string where = $"header entry '{name}'";
        if (element.ValueKind != JsonValueKind.Object)
            throw new ModelFormatException(path, $"{where} is not an object.");
        if (!element.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw new ModelFormatException(path, $"{where} has no 'dtype' string.");
        string dtypeName = dtypeElement.GetString()!;
        if (!SafeTensorDTypeExtensions.TryParse(dtypeName, out var dtype))
            throw new ModelFormatException(path, $"{where} has unknown dtype '{dtypeName}'; supported: {string.Join(", ", Enum.GetNames<SafeTensorDType>())}.");

        var shape = ReadIntegers(path, element, "shape", where);
        if (shape.Length > 8 || shape.Any(d => d < 0 || d > int.MaxValue))
            throw new ModelFormatException(path, $"{where} has an invalid shape [{string.Join(", ", shape)}].");
        var offsets = ReadIntegers(path, element, "data_offsets", where);
        if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength)
            throw new ModelFormatException(path, $"{where} has data_offsets [{string.Join(", ", offsets)}] outside the {dataLength} data bytes the file holds.");

        long count = 1;
        foreach (long d in shape)
        {
            count *= d;
            if (count > int.MaxValue)
                throw new ModelFormatException(path, $"{where} has shape [{string.Join(", ", shape)}], more than {int.MaxValue} elements.");
        }
        long expected = count * dtype.Size();
        if (offsets[1] - offsets[0] != expected)
            throw new ModelFormatException(path, $"{where}: shape [{string.Join(", ", shape)}] of {dtypeName} needs {expected} bytes, but data_offsets [{offsets[0]}, {offsets[1]}] span {offsets[1] - offsets[0]}.");
        return new TensorLayout(name, dtype, shape.Select(d => (int)d).ToArray(), offsets[0], offsets[1]);
    }

    private static long[] ReadIntegers(string path, JsonElement element, string field, string where)
    {
        if (!element.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new ModelFormatException(path, $"{where} has no '{field}' array.");
        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out values[i++]))
                throw new ModelFormatException(path, $"{where} has a '{field}' item that is not an integer.");
        }
        return values;
    }

    private static void CheckCoverage(string path, List<TensorLayout> tensors, long dataLength)
    {
        long expectedBegin = 0;
        foreach (var t in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            if (t.Begin != expectedBegin)
                throw new ModelFormatException(path, $"tensor '{t.Name}' starts at data byte {t.Begin}, but the previous tensor ends at {expectedBegin}: tensors must not overlap or leave gaps.");
            expectedBegin = t.End;
        }
        if (expectedBegin != dataLength)
            throw new ModelFormatException(path, $"the tensors cover {expectedBegin} data bytes, but the file holds {dataLength} after the header.");
    }
}
