using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// A trainable tensor of a layer with its gradient. Names are PyTorch's (<c>weight</c>, <c>bias</c>,
/// <c>weight_ih_l0</c>, …) so that weights load into the equivalent PyTorch module.
/// </summary>
public sealed class Parameter
{
    internal Parameter(string name, TensorShape shape)
    {
        Name = name;
        Value = new Tensor(shape);
        Gradient = new Tensor(shape);
    }

    /// <summary>The name within its layer, for example <c>weight_hh_l1_reverse</c>.</summary>
    public string Name { get; }

    /// <summary>The current values.</summary>
    public Tensor Value { get; }

    /// <summary>The accumulated gradient of the loss with respect to <see cref="Value"/>.</summary>
    public Tensor Gradient { get; }

    /// <summary>The shape of the value and of the gradient.</summary>
    public TensorShape Shape => Value.Shape;

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Shape}";
}
