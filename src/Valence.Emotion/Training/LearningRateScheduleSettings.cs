using System.Text.Json.Serialization;
using Valence.Nn.Optimizers;

namespace Valence.Emotion.Training;

/// <summary>
/// How the learning rate changes from epoch to epoch; no schedule keeps it constant. Written in JSON with a
/// <c>kind</c> of <c>step</c>, <c>cosine</c> or <c>plateau</c>. The schedule steps once at the end of every epoch.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StepSchedule), "step")]
[JsonDerivedType(typeof(CosineSchedule), "cosine")]
[JsonDerivedType(typeof(PlateauSchedule), "plateau")]
public abstract record LearningRateScheduleSettings
{
    /// <summary>Creates the schedule for <paramref name="optimizer"/>, whose current rate is the base rate.</summary>
    internal abstract ILearningRateSchedule Create(Optimizer optimizer);

    /// <summary>Throws unless <paramref name="value"/> is finite and at least 0.</summary>
    private protected static double RequireNonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and at least 0; got {value}.");

    /// <summary>Throws unless <paramref name="value"/> is at least 1.</summary>
    private protected static int RequireEpochs(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is a number of epochs and must be at least 1; got {value}.");
}
