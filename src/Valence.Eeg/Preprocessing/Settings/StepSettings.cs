using System.Text.Json.Serialization;

namespace Valence.Eeg.Preprocessing.Settings;

/// <summary>
/// The settings of one preprocessing step: an immutable record that serialises to JSON with its kind in the
/// <c>"step"</c> property, and builds its step for a given input.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ResampleSettings), ResampleSettings.StepKind)]
[JsonDerivedType(typeof(EogRegressionSettings), EogRegressionSettings.StepKind)]
[JsonDerivedType(typeof(BandPassSettings), BandPassSettings.StepKind)]
[JsonDerivedType(typeof(HighPassSettings), HighPassSettings.StepKind)]
[JsonDerivedType(typeof(LowPassSettings), LowPassSettings.StepKind)]
[JsonDerivedType(typeof(NotchSettings), NotchSettings.StepKind)]
[JsonDerivedType(typeof(CommonAverageReferenceSettings), CommonAverageReferenceSettings.StepKind)]
[JsonDerivedType(typeof(ReReferenceSettings), ReReferenceSettings.StepKind)]
[JsonDerivedType(typeof(BaselineRemovalSettings), BaselineRemovalSettings.StepKind)]
[JsonDerivedType(typeof(ChannelSelectionSettings), ChannelSelectionSettings.StepKind)]
public abstract record StepSettings
{
    /// <summary>Settings of the step kind <paramref name="kind"/>.</summary>
    protected StepSettings(string kind) => Kind = kind;

    /// <summary>The step's kind as JSON names it (the <c>"step"</c> value), e.g. <c>bandPass</c>.</summary>
    [JsonIgnore]
    public string Kind { get; }

    /// <summary>Builds the step for <paramref name="input"/>, checking every setting against it first.</summary>
    /// <param name="maxDegreeOfParallelism">Threads a step may use at most (−1: as many as the runtime offers); results do not depend on it.</param>
    /// <exception cref="InvalidSettingException">A setting does not fit the input; the message names it, its value and the valid range.</exception>
    public abstract IPreprocessingStep Build(SignalDescription input, int maxDegreeOfParallelism = -1);
}
