using System.Globalization;
using Valence.Emotion.Training;

namespace Valence.Cli.Output;

/// <summary>One epoch in a line: loss, accuracy, validation, throughput.</summary>
internal static class EpochText
{
    public static string Of(EpochReport e, int epochs)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"epoch {e.Epoch}/{epochs}  loss {e.TrainLoss:F3}  acc {100 * e.TrainAccuracy:F1}%");
        if (e.ValidationLoss is double loss && e.ValidationAccuracy is double accuracy)
            text += string.Create(CultureInfo.InvariantCulture, $"  val {loss:F3} / {100 * accuracy:F1}%");
        return text + string.Create(CultureInfo.InvariantCulture, $"  {e.WindowsPerSecond:F0} windows/s");
    }
}
