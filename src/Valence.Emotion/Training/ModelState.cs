using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Training;

/// <summary>Everything a model file keeps of a model: its parameters' values, then its buffers, with state_dict names.</summary>
internal static class ModelState
{
    public static List<(string Name, Tensor Value)> Tensors(Layer model) =>
        [.. model.StateParameters().Select(p => (p.Name, p.Parameter.Value)), .. model.StateBuffers()];
}
