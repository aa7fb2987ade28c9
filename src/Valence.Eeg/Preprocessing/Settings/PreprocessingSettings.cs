using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>
/// A preprocessing pipeline as data: the ordered steps' settings, an immutable record tree that round-trips through
/// JSON (equal after the trip) and has a stable canonical JSON form for cache keys. <see cref="Build"/> checks every
/// setting against the input before anything runs.
/// </summary>
public sealed record PreprocessingSettings
{
    /// <summary>The version of the settings' meaning; part of the canonical form, so changed semantics change cache keys.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The settings' version; only <see cref="CurrentVersion"/> is built.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The steps, in the order they run.</summary>
    public EquatableList<StepSettings> Steps { get; init; } = [];

    /// <summary>
    /// What DEAP's authors did to the EEG: resample to 128 Hz (when needed) → EOG regression of hEOG and vEOG out of the
    /// 32 EEG channels → band-pass 4–45 Hz (Butterworth order 4, zero-phase) → common average reference over the 32 EEG
    /// channels → keep the 32 EEG channels.
    /// </summary>
    public static PreprocessingSettings Deap { get; } = new()
    {
        Steps =
        [
            new ResampleSettings(),
            new EogRegressionSettings(),
            new BandPassSettings(),
            new CommonAverageReferenceSettings(),
            new ChannelSelectionSettings(),
        ],
    };

    /// <summary>Builds the pipeline for <paramref name="input"/>, each step checked against the output of the one before.</summary>
    /// <param name="maxDegreeOfParallelism">Threads a step may use at most (−1: as many as the runtime offers); results do not depend on it.</param>
    /// <exception cref="InvalidSettingException">A setting does not fit; the message names it by its path (e.g. "steps[2] (bandPass).highHz"), its value and the valid range.</exception>
    public PreprocessingPipeline Build(SignalDescription input, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Version != CurrentVersion)
            throw new InvalidSettingException("version", Version.ToString(CultureInfo.InvariantCulture), $"only version {CurrentVersion} is understood");
        var steps = new List<IPreprocessingStep>(Steps.Count);
        SignalDescription current = input;
        for (int i = 0; i < Steps.Count; i++)
        {
            StepSettings settings = Steps[i] ?? throw new InvalidSettingException($"steps[{i}]", "null", "a step needs settings");
            try
            {
                steps.Add(settings.Build(current, maxDegreeOfParallelism));
            }
            catch (InvalidSettingException e)
            {
                throw e.Within($"steps[{i}] ({settings.Kind})");
            }
            current = steps[^1].Output;
        }
        return new PreprocessingPipeline(this, input, steps, maxDegreeOfParallelism);
    }

    /// <summary>Checks every setting against data of <paramref name="sampleRate"/> Hz with <paramref name="channelNames"/>, building nothing that runs.</summary>
    /// <exception cref="InvalidSettingException">A setting does not fit.</exception>
    public void Validate(double sampleRate, IReadOnlyList<string> channelNames) => Build(new SignalDescription(sampleRate, channelNames));

    /// <summary>The settings as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PreprocessingJson.Indented);

    /// <summary>
    /// The canonical form: compact JSON with every setting written (defaults included), properties in declaration
    /// order and numbers in their shortest round-trip form, so equal settings give equal text.
    /// </summary>
    public string ToCanonicalJson() => JsonSerializer.Serialize(this, PreprocessingJson.Compact);

    /// <summary>A cache key: the SHA-256 of the canonical JSON, in lower-case hex.</summary>
    public string CacheKey() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson())));

    /// <summary>Reads settings from JSON.</summary>
    /// <exception cref="JsonException">The JSON is malformed, names an unknown step or property, or holds a null or a value of the wrong type.</exception>
    public static PreprocessingSettings FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<PreprocessingSettings>(json, PreprocessingJson.Indented)
            ?? throw new JsonException("Preprocessing settings are an object, not null.");
    }
}
