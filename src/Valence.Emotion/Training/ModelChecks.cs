using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Training;

/// <summary>Checks that a model fits a data set before any work starts.</summary>
internal static class ModelChecks
{
    /// <summary>The model's number of classes, which must be the data set's.</summary>
    /// <exception cref="ArgumentException">The model does not take the windows' shape, or does not output one logit per class of the data set.</exception>
    public static int ClassCount(Layer model, ILabelledWindows windows)
    {
        var input = new TensorShape(1, windows.Channels, windows.Samples);
        var output = model.GetOutputShape(input);
        if (output.Rank != 2 || output[1] != windows.ClassCount)
            throw new ArgumentException(
                $"Model '{model.Name}' maps windows {input} to {output}, but the data set has {windows.ClassCount} classes; the model must output [batch, {windows.ClassCount}] logits.",
                nameof(model));
        return windows.ClassCount;
    }
}
