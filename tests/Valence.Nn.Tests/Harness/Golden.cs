using Valence.Nn.Serialization;
using Valence.Nn.Tensors;

namespace Valence.Nn.Tests.Harness;

/// <summary>Golden files written by PyTorch (tests/goldens/make_*.py) and read back for comparison.</summary>
public sealed class Golden
{
    private readonly SafeTensorsContent _content;

    private Golden(string name, SafeTensorsContent content)
    {
        Name = name;
        _content = content;
    }

    /// <summary>The golden file's name without extension.</summary>
    public string Name { get; }

    /// <summary>Metadata the script stored (settings of the module it ran).</summary>
    public IReadOnlyDictionary<string, string> Metadata => _content.Metadata;

    /// <summary>Loads tests/goldens/<paramref name="name"/>.safetensors from the test output folder.</summary>
    public static Golden Load(string name) =>
        new(name, SafeTensorsFile.Read(Path.Combine(AppContext.BaseDirectory, "goldens", name + ".safetensors")));

    /// <summary>Whether the golden holds a tensor called <paramref name="name"/>.</summary>
    public bool Has(string name) => _content.Contains(name);

    /// <summary>The named tensor as a new <see cref="Tensor"/> (float32).</summary>
    public Tensor Tensor(string name)
    {
        var entry = _content[name];
        return Nn.Tensors.Tensor.FromValues(entry.ToFloat32(), new TensorShape(entry.Shape.ToArray()));
    }

    /// <summary>The named tensor's values as integers (class labels).</summary>
    public long[] Integers(string name) => _content[name].ToInt64();

    /// <summary>Copies the named golden tensor into <paramref name="destination"/>, checking the shape.</summary>
    public void CopyInto(string name, Tensor destination)
    {
        using var source = Tensor(name);
        ShapeException.ThrowIfNotEqual(source.Shape, destination.Shape, $"golden '{Name}' tensor '{name}'");
        source.CopyTo(destination);
    }
}
