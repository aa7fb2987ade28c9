using System.Text.Json;
using System.Text.Json.Nodes;
using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Serialization;

/// <summary>
/// Valence's model file: safetensors holding the weights under PyTorch's state_dict names, with the architecture
/// (<see cref="Layer.ToConfig"/>) and any caller metadata (preprocessing, normaliser statistics, channel names,
/// sample rate, class names…) as JSON strings in <c>__metadata__</c>, so the file alone can rebuild the model.
/// </summary>
public static class ModelFile
{
    /// <summary>Metadata key of the format marker.</summary>
    public const string FormatKey = "format";

    /// <summary>Metadata key of the architecture JSON.</summary>
    public const string ArchitectureKey = "architecture";

    /// <summary>The format marker this version writes and reads.</summary>
    public const string FormatVersion = "valence-model/1";

    /// <summary>Writes <paramref name="model"/>'s parameters, buffers and architecture, plus <paramref name="metadata"/>, atomically.</summary>
    /// <exception cref="ArgumentException">A metadata key is reserved (<c>format</c>, <c>architecture</c>).</exception>
    public static void Save(string path, Layer model, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var all = new Dictionary<string, string>
        {
            [FormatKey] = FormatVersion,
            [ArchitectureKey] = model.ToConfig().ToJsonString(),
        };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            if (!all.TryAdd(key, value))
                throw new ArgumentException($"Metadata key '{key}' is reserved by the model file.", nameof(metadata));
        }
        var tensors = StateTensors(model)
            .Select(t => (t.Name, (IReadOnlyList<int>)t.Value.Shape.ToArray(), (ReadOnlyMemory<float>)t.Value.ReadOnlySpan.ToArray()));
        SafeTensorsFile.Write(path, tensors, all);
    }

    /// <summary>Rebuilds the model a file describes and loads its weights.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid model file; the message names the file, the field and the problem.</exception>
    public static SavedModel Load(string path)
    {
        var content = SafeTensorsFile.Read(path);
        if (!content.Metadata.TryGetValue(FormatKey, out var format) || format != FormatVersion)
            throw new ModelFormatException(path, $"__metadata__.{FormatKey} is '{format ?? "(missing)"}', expected '{FormatVersion}': not a Valence model file of this version.");
        var model = BuildModel(path, content.Metadata);
        LoadWeights(path, model, content);
        var extra = content.Metadata.Where(kv => kv.Key is not (FormatKey or ArchitectureKey))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        return new SavedModel(model, extra);
    }

    private static IEnumerable<(string Name, Tensor Value)> StateTensors(Layer model) =>
        model.StateParameters().Select(p => (p.Name, p.Parameter.Value)).Concat(model.StateBuffers());

    private static Layer BuildModel(string path, IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(ArchitectureKey, out var architecture))
            throw new ModelFormatException(path, $"__metadata__ has no '{ArchitectureKey}' entry.");
        try
        {
            var config = JsonNode.Parse(architecture) as JsonObject
                ?? throw new ModelFormatException(path, $"__metadata__.{ArchitectureKey} is not a JSON object.");
            return LayerFactory.FromConfig(config);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new ModelFormatException(path, $"__metadata__.{ArchitectureKey} does not describe a model: {e.Message}", e);
        }
    }

    private static void LoadWeights(string path, Layer model, SafeTensorsContent content)
    {
        var expected = StateTensors(model).ToList();
        var expectedNames = expected.Select(t => t.Name).ToHashSet();
        var unexpected = content.Tensors.Select(t => t.Name).Where(n => !expectedNames.Contains(n)).ToList();
        if (unexpected.Count > 0)
            throw new ModelFormatException(path, $"tensors {string.Join(", ", unexpected)} are not part of the architecture the file describes.");
        foreach (var (name, value) in expected)
        {
            if (!content.Contains(name))
                throw new ModelFormatException(path, $"tensor '{name}' of the architecture is missing.");
            var entry = content[name];
            if (entry.DType != SafeTensorDType.F32)
                throw new ModelFormatException(path, $"tensor '{name}' is {entry.DType}; model weights must be F32.");
            if (entry.Shape.Count > TensorShape.MaxRank)
                throw new ModelFormatException(path, $"tensor '{name}' has rank {entry.Shape.Count}; Valence tensors have at most {TensorShape.MaxRank} dimensions.");
            var shape = new TensorShape(entry.Shape.ToArray());
            if (shape != value.Shape)
                throw new ModelFormatException(path, $"tensor '{name}' has shape {shape}, but the architecture needs {value.Shape}.");
            entry.ToFloat32().CopyTo(value.Span);
        }
    }
}

/// <summary>A model read from a model file, with the caller metadata that was saved beside it.</summary>
/// <param name="Model">The rebuilt model with its weights.</param>
/// <param name="Metadata">Metadata other than the format marker and the architecture.</param>
public sealed record SavedModel(Layer Model, IReadOnlyDictionary<string, string> Metadata);
