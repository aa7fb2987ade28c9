using System.Text.Json.Serialization;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>
/// The channels a step works on: a named preset (<c>"all"</c>, <c>"eeg32"</c>, <c>"emotiv14"</c>) or a list of channel
/// names. In JSON a preset is a string and a list is an array. Presets and names are resolved against the input when
/// the pipeline is built; unknown ones are refused then.
/// </summary>
[JsonConverter(typeof(ChannelSetJsonConverter))]
public sealed record ChannelSet
{
    private static readonly Dictionary<string, IReadOnlyList<string>?> Presets = new()
    {
        ["all"] = null,
        ["eeg32"] = DeapChannels.Eeg,
        ["emotiv14"] = DeapChannels.Emotiv14,
    };

    private ChannelSet(string? preset, EquatableList<string>? names)
    {
        Preset = preset;
        Names = names;
    }

    /// <summary>Every channel of the input, in its order.</summary>
    public static ChannelSet All { get; } = FromPreset("all");

    /// <summary>DEAP's 32 EEG channels, <see cref="DeapChannels.Eeg"/>.</summary>
    public static ChannelSet Eeg32 { get; } = FromPreset("eeg32");

    /// <summary>The 14 channels of the Emotiv EPOC layout, <see cref="DeapChannels.Emotiv14"/> (T7, not C3).</summary>
    public static ChannelSet Emotiv14 { get; } = FromPreset("emotiv14");

    /// <summary>The names of the presets.</summary>
    public static IReadOnlyCollection<string> PresetNames => Presets.Keys;

    /// <summary>The preset's name (lower case), or null for a list of names.</summary>
    public string? Preset { get; }

    /// <summary>The channel names, or null for a preset.</summary>
    public EquatableList<string>? Names { get; }

    /// <summary>The preset called <paramref name="name"/> (any case); an unknown name is refused when the pipeline is built.</summary>
    public static ChannelSet FromPreset(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ChannelSet(name.ToLowerInvariant(), null);
    }

    /// <summary>The channels named, in this order.</summary>
    public static ChannelSet Of(params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new ChannelSet(null, new EquatableList<string>(names));
    }

    /// <summary>The channel names this set stands for, given the input's channels.</summary>
    /// <exception cref="InvalidSettingException">The preset is unknown.</exception>
    public IReadOnlyList<string> Resolve(IReadOnlyList<string> available, string setting)
    {
        ArgumentNullException.ThrowIfNull(available);
        if (Names is not null) return Names;
        if (!Presets.TryGetValue(Preset!, out IReadOnlyList<string>? names))
            throw new InvalidSettingException(setting, $"\"{Preset}\"", $"there is no such channel preset; the presets are {string.Join(", ", Presets.Keys)}, or give a list of channel names");
        return names ?? available;
    }

    /// <inheritdoc />
    public override string ToString() => Preset ?? Names!.ToString();
}
