using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Valence.Nn.Layers;
using Valence.Nn.Serialization;

namespace Valence.Emotion.Models;

/// <summary>
/// Saves and loads an <see cref="EmotionModel"/> as a Valence.Nn <see cref="ModelFile"/> (safetensors: weights under
/// PyTorch's names, the architecture as JSON), with the spec and the data's description as metadata.
/// </summary>
/// <remarks>
/// Metadata entries, each a string: <c>preset</c>; <c>model_spec</c> (the <see cref="ModelSpec"/> JSON, every
/// setting included); <c>channel_names</c> and <c>class_names</c> (JSON arrays); <c>sample_rate</c> (Hz) and
/// <c>window_samples</c>; then the caller's own entries. Loading checks that they agree with each other and with the
/// architecture.
/// </remarks>
public static class EmotionModelFile
{
    private const string PresetKey = "preset", SpecKey = "model_spec", ChannelNamesKey = "channel_names",
        ClassNamesKey = "class_names", SampleRateKey = "sample_rate", WindowSamplesKey = "window_samples";

    private static readonly string[] ReservedKeys = [PresetKey, SpecKey, ChannelNamesKey, ClassNamesKey, SampleRateKey, WindowSamplesKey];

    /// <summary>Writes <paramref name="model"/> atomically to <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The model's architecture is not the one the spec builds, the name lists do not match the spec's channels and
    /// classes, or an extra metadata key is reserved.
    /// </exception>
    public static void Save(string path, EmotionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var spec = model.Spec;
        RequireMatches(spec, model.ChannelNames, model.ClassNames, model.Model, path, (where, message) => new ArgumentException($"{where}: {message}", nameof(model)));
        var metadata = new Dictionary<string, string>
        {
            [PresetKey] = spec.Preset,
            [SpecKey] = spec.ToJson().ToJsonString(),
            [ChannelNamesKey] = JsonSerializer.Serialize(model.ChannelNames),
            [ClassNamesKey] = JsonSerializer.Serialize(model.ClassNames),
            [SampleRateKey] = spec.SampleRate.ToString("R", CultureInfo.InvariantCulture),
            [WindowSamplesKey] = spec.Samples.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in model.Metadata)
        {
            if (!metadata.TryAdd(key, value))
                throw new ArgumentException($"Metadata key '{key}' is reserved by the emotion model file ({string.Join(", ", ReservedKeys)}).", nameof(model));
        }
        ModelFile.Save(path, model.Model, metadata);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid emotion model file; the message names the file and the entry.</exception>
    public static EmotionModel Load(string path)
    {
        EmotionLayers.EnsureRegistered();
        var saved = ModelFile.Load(path);
        var metadata = saved.Metadata;
        var model = saved.Model as Sequential
            ?? throw new ModelFormatException(path, $"the architecture is a {saved.Model.TypeName}, not a Sequential model.");
        ModelSpec spec;
        try
        {
            spec = ModelSpec.FromJson(Required(path, metadata, SpecKey));
        }
        catch (FormatException e)
        {
            throw new ModelFormatException(path, $"__metadata__.{SpecKey}: {e.Message}", e);
        }
        var channelNames = Names(path, metadata, ChannelNamesKey);
        var classNames = Names(path, metadata, ClassNamesKey);
        RequireMatches(spec, channelNames, classNames, model, path, (where, message) => new ModelFormatException(path, $"{where}: {message}"));
        RequireEntry(path, metadata, PresetKey, spec.Preset);
        RequireEntry(path, metadata, SampleRateKey, spec.SampleRate.ToString("R", CultureInfo.InvariantCulture));
        RequireEntry(path, metadata, WindowSamplesKey, spec.Samples.ToString(CultureInfo.InvariantCulture));
        var extra = metadata.Where(kv => Array.IndexOf(ReservedKeys, kv.Key) < 0).ToDictionary(kv => kv.Key, kv => kv.Value);
        return new EmotionModel(model, spec, channelNames, classNames, extra);
    }

    private static void RequireMatches(ModelSpec spec, IReadOnlyList<string> channelNames, IReadOnlyList<string> classNames,
        Layer model, string path, Func<string, string, Exception> error)
    {
        if (channelNames.Count != spec.Channels)
            throw error(ChannelNamesKey, $"{channelNames.Count} channel names for a model of {spec.Channels} channels.");
        if (classNames.Count != spec.Classes)
            throw error(ClassNamesKey, $"{classNames.Count} class names for a model of {spec.Classes} classes.");
        if (!JsonNode.DeepEquals(model.ToConfig(), spec.Build().ToConfig()))
            throw error("architecture", $"the model is not the one the spec '{spec.Preset}' builds ({path}).");
    }

    private static string Required(string path, IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value
            : throw new ModelFormatException(path, $"__metadata__ has no '{key}' entry; not an emotion model file.");

    private static void RequireEntry(string path, IReadOnlyDictionary<string, string> metadata, string key, string expected)
    {
        string value = Required(path, metadata, key);
        if (value != expected)
            throw new ModelFormatException(path, $"__metadata__.{key} is '{value}', but {SpecKey} says '{expected}'.");
    }

    private static string[] Names(string path, IReadOnlyDictionary<string, string> metadata, string key)
    {
        string json = Required(path, metadata, key);
        try
        {
            var names = JsonSerializer.Deserialize<string[]>(json);
            if (names is null || names.Any(string.IsNullOrEmpty))
                throw new ModelFormatException(path, $"__metadata__.{key} must be a JSON array of non-empty strings; got {json}.");
            return names;
        }
        catch (JsonException e)
        {
            throw new ModelFormatException(path, $"__metadata__.{key} must be a JSON array of non-empty strings: {e.Message}", e);
        }
    }
}
