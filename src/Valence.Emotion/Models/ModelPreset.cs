using Valence.Nn.Layers;

namespace Valence.Emotion.Models;

/// <summary>One named model of the zoo: its settings type, its default settings and how it is built.</summary>
public sealed class ModelPreset
{
    private readonly Func<ModelSpec, Sequential> _build;

    internal ModelPreset(string name, string description, ModelSettings defaultSettings, Func<ModelSpec, Sequential> build)
    {
        Name = name;
        Description = description;
        DefaultSettings = defaultSettings;
        _build = build;
    }

    /// <summary>The preset's name in specs and model files, for example <c>cnn-lstm</c>.</summary>
    public string Name { get; }

    /// <summary>The architecture in one line.</summary>
    public string Description { get; }

    /// <summary>The settings used when a spec gives none; their type is the one the preset takes.</summary>
    public ModelSettings DefaultSettings { get; }

    /// <summary>The type of settings this preset takes.</summary>
    public Type SettingsType => DefaultSettings.GetType();

    internal Sequential Build(ModelSpec spec) => _build(spec);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Description}";
}
