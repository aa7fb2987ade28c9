using System.Buffers.Binary;
using System.Text;
using Valence.Nn.Serialization;

namespace Valence.Nn.Tests.Serialization;

public sealed class SafeTensorsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valence-st-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Round_trip_keeps_names_shapes_values_order_and_metadata()
    {
        string path = PathOf("m.safetensors");
        float[] w = [1.5f, -2f, 3f, 4f, 5f, 6f];
        float[] b = [0.25f, float.Epsilon];
        SafeTensorsFile.Write(path, [("conv.weight", [2, 3], w), ("conv.bias", [2], b)],
            new Dictionary<string, string> { ["architecture"] = "{\"x\":1}" });

        var content = SafeTensorsFile.Read(path);
        Assert.Equal(["conv.weight", "conv.bias"], content.Tensors.Select(t => t.Name));
        Assert.Equal([2, 3], content["conv.weight"].Shape);
        Assert.Equal(w, content["conv.weight"].ToFloat32());
        Assert.Equal(b, content["conv.bias"].ToFloat32());
        Assert.Equal("{\"x\":1}", content.Metadata["architecture"]);
    }

    [Fact]
    public void Header_is_the_documented_layout()
    {
        string path = PathOf("h.safetensors");
        SafeTensorsFile.Write(path, [("a", [1], new float[] { 1f })]);
        var bytes = File.ReadAllBytes(path);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0UL, (8 + n) % 8);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)n).TrimEnd();
        Assert.Equal("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", header);
        Assert.Equal(1f, BitConverter.ToSingle(bytes, 8 + (int)n));
    }

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4, "outside")]
    [InlineData("{\"a\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "unknown dtype 'Q7'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,4]}}", 4, "needs 12 bytes")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "overlap")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8, "cover 4 data bytes")]
    [InlineData("{\"a\":", 4, "not valid JSON")]
    [InlineData("[1,2]", 0, "not an object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,4]}}", 4, "more than")]
    public void Inconsistent_headers_are_refused_with_a_reason(string header, int dataBytes, string reason)
    {
        string path = PathOf("bad.safetensors");
        var h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)h.Length);
        h.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ModelFormatException>(() => SafeTensorsFile.Read(path));
        Assert.Contains(reason, e.Message);
        Assert.Contains("bad.safetensors", e.Message);
    }

    [Fact]
    public void A_header_length_beyond_the_file_is_refused_before_allocating()
    {
        string path = PathOf("lying.safetensors");
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 50_000_000);
        File.WriteAllBytes(path, bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ModelFormatException>(() => SafeTensorsFile.Read(path));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "a lying header must not cause a large allocation");
        Assert.Contains("only 8 follow", e.Message);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_is_refused_cleanly()
    {
        string path = PathOf("t.safetensors");
        SafeTensorsFile.Write(path, [("w", [3, 2], new float[6]), ("b", [3], new float[3])], new Dictionary<string, string> { ["k"] = "v" });
        var whole = File.ReadAllBytes(path);
        string cut = PathOf("cut.safetensors");
        for (int length = 0; length < whole.Length; length++)
        {
            File.WriteAllBytes(cut, whole[..length]);
            Assert.Throws<ModelFormatException>(() => SafeTensorsFile.Read(cut));
        }
    }

    [Fact]
    public void Write_replaces_the_file_atomically_and_leaves_no_temporary_files()
    {
        string path = PathOf("a.safetensors");
        SafeTensorsFile.Write(path, [("x", [1], new float[] { 1 })]);
        SafeTensorsFile.Write(path, [("x", [1], new float[] { 2 })]);
        Assert.Equal([2f], SafeTensorsFile.Read(path)["x"].ToFloat32());
        Assert.Single(Directory.GetFiles(_folder));
    }
}
