using Valence.Nn.Initialization;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>Layers applied one after another; the output of each is the input of the next.</summary>
public sealed class Sequential : Layer
{
    private readonly Layer[] _layers;

    /// <summary>Creates a sequential model of <paramref name="layers"/>, whose names must be unique.</summary>
    public Sequential(string name, params IEnumerable<Layer> layers) : base(name)
    {
        _layers = layers.ToArray();
        if (_layers.Length == 0)
            throw new ArgumentException($"Sequential '{name}' needs at least one layer.", nameof(layers));
        var duplicate = _layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Sequential '{name}' has two layers named '{duplicate.Key}'; names become parameter prefixes and must be unique.", nameof(layers));
    }

    /// <inheritdoc />
    public override string TypeName => "Sequential";

    /// <inheritdoc />
    public override object Options => new SequentialOptions();

    /// <inheritdoc />
    public override IReadOnlyList<Layer> Children => _layers;

    /// <inheritdoc />
    public override bool InputGradientRequired
    {
        get => _layers[0].InputGradientRequired;
        set => _layers[0].InputGradientRequired = value;
    }

    /// <inheritdoc />
    public override TensorShape GetOutputShape(TensorShape inputShape)
    {
        var shape = inputShape;
        foreach (var layer in _layers) shape = layer.GetOutputShape(shape);
        return shape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, bool training)
    {
        var x = input;
        foreach (var layer in _layers) x = layer.Forward(x, training);
        return x;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        var g = outputGradient;
        for (int i = _layers.Length - 1; i >= 0; i--) g = _layers[i].Backward(g);
        return g;
    }

    /// <inheritdoc />
    public override void Initialize(Rng rng)
    {
        foreach (var layer in _layers) layer.Initialize(rng);
    }
}

/// <summary>Sequential has no settings of its own; its configuration lists its layers.</summary>
public sealed record SequentialOptions;
