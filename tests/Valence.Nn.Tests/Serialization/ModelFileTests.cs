using System.Buffers.Binary;
using System.Text;
using Valence.Nn.Initialization;
using Valence.Nn.Layers;
using Valence.Nn.Serialization;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Serialization;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valence-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Sequential SmallModel()
    {
        var model = new Sequential("model",
            new Conv1D("conv", new Conv1DOptions(3, 4, 3, padding: PaddingMode.Same)),
            new MaxPool1D("pool", new Pool1DOptions(2)),
            new Flatten("flatten", new FlattenOptions()),
            new Dense("fc", new DenseOptions(4 * 5, 2)));
        model.Initialize(new Rng(5));
        return model;
    }

    private string Saved(Sequential model, IReadOnlyDictionary<string, string>? metadata = null)
    {
        string path = Path.Combine(_folder, "m.safetensors");
        ModelFile.Save(path, model, metadata);
        return path;
    }

    [Fact]
    public void Round_trip_gives_identical_outputs_names_and_metadata()
    {
        var model = SmallModel();
        string path = Saved(model, new Dictionary<string, string> { ["classes"] = "[\"HVHA\",\"HVLA\"]" });

        var loaded = ModelFile.Load(path);
        using var input = new Tensor(2, 3, 10);
        new Rng(9).FillUniform(input.Span, -1, 1);
        var expected = model.Forward(input, training: false).Clone();
        var actual = loaded.Model.Forward(input, training: false);
        Assert.Equal(expected.Span.ToArray(), actual.Span.ToArray());
        Assert.Equal("[\"HVHA\",\"HVLA\"]", loaded.Metadata["classes"]);

        var names = SafeTensorsFile.Read(path).Tensors.Select(t => t.Name);
        Assert.Equal(["conv.weight", "conv.bias", "fc.weight", "fc.bias"], names);
    }

    [Fact]
    public void Reserved_metadata_keys_are_refused() =>
        Assert.Throws<ArgumentException>(() => Saved(SmallModel(), new Dictionary<string, string> { ["architecture"] = "x" }));

    [Fact]
    public void A_missing_weight_is_named()
    {
        string path = Rewrite(Saved(SmallModel()), tensors => tensors.Where(t => t.Name != "fc.bias"));
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("'fc.bias'", e.Message);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void A_weight_of_the_wrong_shape_is_named_with_both_shapes()
    {
        string path = Rewrite(Saved(SmallModel()), tensors => tensors.Select(t =>
            t.Name == "fc.weight" ? (t.Name, (IReadOnlyList<int>)[20, 2], t.Values) : t));
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("[20, 2]", e.Message);
        Assert.Contains("[2, 20]", e.Message);
    }

    [Fact]
    public void An_unknown_layer_type_in_the_architecture_is_refused()
    {
        string path = Saved(SmallModel());
        var content = SafeTensorsFile.Read(path);
        var metadata = content.Metadata.ToDictionary();
        metadata["architecture"] = metadata["architecture"].Replace("\"MaxPool1D\"", "\"Teleport\"");
        SafeTensorsFile.Write(path, content.Tensors.Select(t => (t.Name, t.Shape, (ReadOnlyMemory<float>)t.ToFloat32())), metadata);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("Teleport", e.Message);
    }

    [Fact]
    public void A_plain_safetensors_file_is_not_taken_for_a_model()
    {
        string path = Path.Combine(_folder, "plain.safetensors");
        SafeTensorsFile.Write(path, [("w", [1], new float[] { 1 })]);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("format", e.Message);
    }

    [Fact]
    public void Every_single_byte_corruption_of_the_header_is_refused_or_loads_cleanly()
    {
        string path = Saved(SmallModel());
        var original = File.ReadAllBytes(path);
        int headerEnd = 8 + (int)BinaryPrimitives.ReadUInt64LittleEndian(original);
        string corrupt = Path.Combine(_folder, "corrupt.safetensors");
        var rng = new Rng(11);
        for (int i = 0; i < 1000; i++)
        {
            var bytes = (byte[])original.Clone();
            int at = rng.NextInt(headerEnd);
            bytes[at] ^= (byte)(1 << rng.NextInt(8));
            File.WriteAllBytes(corrupt, bytes);
            try
            {
                ModelFile.Load(corrupt);
            }
            catch (ModelFormatException)
            {
            }
        }
    }

    private string Rewrite(string path,
        Func<IEnumerable<(string Name, IReadOnlyList<int> Shape, ReadOnlyMemory<float> Values)>, IEnumerable<(string Name, IReadOnlyList<int> Shape, ReadOnlyMemory<float> Values)>> change)
    {
        var content = SafeTensorsFile.Read(path);
        var tensors = content.Tensors.Select(t => (t.Name, t.Shape, (ReadOnlyMemory<float>)t.ToFloat32()));
        string rewritten = Path.Combine(_folder, "rewritten.safetensors");
        SafeTensorsFile.Write(rewritten, change(tensors).ToList(), content.Metadata);
        return rewritten;
    }
}
