using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Training;

/// <summary>A copy of a model's parameters and buffers (the best epoch's weights), made in arrays allocated once.</summary>
internal sealed class WeightSnapshot
{
    private readonly List<(string Name, Tensor Value)> _model;
    private readonly float[][] _values;

    public WeightSnapshot(Layer model)
    {
        _model = ModelState.Tensors(model);
        _values = _model.Select(t => new float[t.Value.Length]).ToArray();
    }

    /// <summary>The copied tensors, named and shaped as the model's.</summary>
    public IEnumerable<(string Name, TensorShape Shape, float[] Values)> Tensors =>
        _model.Select((t, i) => (t.Name, t.Value.Shape, _values[i]));

    /// <summary>Copies the model's current weights into the snapshot.</summary>
    public void Capture()
    {
        for (int i = 0; i < _model.Count; i++) _model[i].Value.ReadOnlySpan.CopyTo(_values[i]);
    }

    /// <summary>Copies the snapshot into the model.</summary>
    public void Restore()
    {
        for (int i = 0; i < _model.Count; i++) _values[i].CopyTo(_model[i].Value.Span);
    }

    /// <summary>Sets the snapshot's tensor <paramref name="index"/> (in <see cref="Tensors"/> order) from saved values.</summary>
    public void Load(int index, ReadOnlySpan<float> values) => values.CopyTo(_values[index]);
}
