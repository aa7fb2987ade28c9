using System.Text.Json;
using System.Text.Json.Nodes;
using Valence.Nn.Initialization;
using Valence.Nn.Tensors;

namespace Valence.Nn.Layers;

/// <summary>
/// The anatomy every layer shares: settings (an immutable options record), named parameters created in a fixed
/// order, shape inference, forward, backward, and a configuration for save and restore.
/// </summary>
/// <remarks>
/// <para>Forward caches what Backward needs when <c>training</c> is true; Backward takes the gradient of the loss
/// with respect to the last Forward's output, accumulates (adds) parameter gradients, and returns the gradient with
/// respect to that Forward's input.</para>
/// <para>Tensors returned by Forward and Backward belong to the layer and are overwritten by its next call.</para>
/// </remarks>
public abstract class Layer
{
    private readonly List<Parameter> _parameters = [];
    private readonly List<(string Name, Tensor Value)> _buffers = [];

    /// <summary>Creates a layer with the given name, which prefixes its parameter names in a model.</summary>
    protected Layer(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The layer's name within its model, for example <c>lstm</c>; parameter <c>weight_ih_l0</c> is then <c>lstm.weight_ih_l0</c>.</summary>
    public string Name { get; }

    /// <summary>The layer type as written in configurations, for example <c>Conv1D</c>.</summary>
    public abstract string TypeName { get; }

    /// <summary>The layer's settings: an immutable record that validated itself when it was created.</summary>
    public abstract object Options { get; }

    /// <summary>This layer's own parameters, in their fixed creation order (children's are not included).</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>
    /// This layer's own non-trainable state that a model file must keep (BatchNorm's <c>running_mean</c> and
    /// <c>running_var</c>), in creation order, named as in PyTorch's state_dict.
    /// </summary>
    public IReadOnlyList<(string Name, Tensor Value)> Buffers => _buffers;

    /// <summary>Layers contained in this one (for composite layers), in order.</summary>
    public virtual IReadOnlyList<Layer> Children => [];

    /// <summary>
    /// Whether Backward must compute the input gradient. A model clears it on its first layer, whose input is
    /// data, to skip that work; Backward then returns a tensor whose contents are undefined.
    /// </summary>
    public virtual bool InputGradientRequired { get; set; } = true;

    /// <summary>The output shape for an input of <paramref name="inputShape"/>; throws a <see cref="ShapeException"/> naming the layer when the input does not fit.</summary>
    public abstract TensorShape GetOutputShape(TensorShape inputShape);

    /// <summary>Computes the output; in training mode also caches what <see cref="Backward"/> needs.</summary>
    public abstract Tensor Forward(Tensor input, bool training);

    /// <summary>Accumulates parameter gradients and returns the gradient with respect to the last training Forward's input.</summary>
    public abstract Tensor Backward(Tensor outputGradient);

    /// <summary>
    /// Gives parameters PyTorch's default initial values and seeds any randomness the layer uses (dropout), drawing
    /// from <paramref name="rng"/> in a fixed order.
    /// </summary>
    public virtual void Initialize(Rng rng)
    {
        foreach (var child in Children) child.Initialize(rng);
    }

    /// <summary>Every parameter of this layer and its children, with names as PyTorch's state_dict gives them.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters(string prefix = "")
    {
        string own = prefix.Length == 0 ? Name : $"{prefix}.{Name}";
        foreach (var p in _parameters) yield return ($"{own}.{p.Name}", p);
        foreach (var child in Children)
            foreach (var named in child.NamedParameters(own))
                yield return named;
    }

    /// <summary>
    /// Every parameter named as in this layer's own PyTorch state_dict: own parameters by their bare names,
    /// children's prefixed by the child's name (<c>conv.weight</c>, <c>lstm.weight_ih_l0</c>).
    /// </summary>
    public IEnumerable<(string Name, Parameter Parameter)> StateParameters()
    {
        foreach (var p in _parameters) yield return (p.Name, p);
        foreach (var child in Children)
            foreach (var named in child.NamedParameters())
                yield return named;
    }

    /// <summary>Every buffer named as in this layer's own state_dict (see <see cref="StateParameters"/>).</summary>
    public IEnumerable<(string Name, Tensor Value)> StateBuffers()
    {
        foreach (var b in _buffers) yield return b;
        foreach (var child in Children)
            foreach (var named in child.NamedBuffers())
                yield return named;
    }

    /// <summary>Every buffer of this layer and its children, with state_dict names.</summary>
    public IEnumerable<(string Name, Tensor Value)> NamedBuffers(string prefix = "")
    {
        string own = prefix.Length == 0 ? Name : $"{prefix}.{Name}";
        foreach (var (name, value) in _buffers) yield return ($"{own}.{name}", value);
        foreach (var child in Children)
            foreach (var named in child.NamedBuffers(own))
                yield return named;
    }

    /// <summary>Sets every parameter gradient of this layer and its children to zero.</summary>
    public void ZeroGradients()
    {
        foreach (var (_, p) in NamedParameters()) p.Gradient.Clear();
    }

    /// <summary>The configuration that <see cref="LayerFactory.FromConfig"/> turns back into an equal layer (without weights).</summary>
    public virtual JsonObject ToConfig()
    {
        var config = new JsonObject
        {
            ["type"] = TypeName,
            ["name"] = Name,
            ["options"] = JsonSerializer.SerializeToNode(Options, Options.GetType(), LayerFactory.JsonOptions),
        };
        if (Children.Count > 0)
            config["layers"] = new JsonArray(Children.Select(c => (JsonNode)c.ToConfig()).ToArray());
        return config;
    }

    /// <summary>Creates a parameter; layers call this in a fixed order from their constructor.</summary>
    protected Parameter AddParameter(string name, TensorShape shape)
    {
        if (_parameters.Any(p => p.Name == name))
            throw new InvalidOperationException($"{TypeName} '{Name}' already has a parameter named '{name}'.");
        var parameter = new Parameter(name, shape);
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Creates a zero-filled buffer (non-trainable state saved with the model); call from the constructor.</summary>
    protected Tensor AddBuffer(string name, TensorShape shape)
    {
        if (_buffers.Any(b => b.Name == name) || _parameters.Any(p => p.Name == name))
            throw new InvalidOperationException($"{TypeName} '{Name}' already has a parameter or buffer named '{name}'.");
        var buffer = new Tensor(shape);
        _buffers.Add((name, buffer));
        return buffer;
    }

    /// <summary>What Backward throws when no Forward in training mode came before it (one message for every layer).</summary>
    protected InvalidOperationException NoTrainingForward() =>
        new($"{Describe()}: Backward needs a preceding Forward with training=true.");

    /// <summary>A prefix for messages: the layer's type and name, for example <c>Conv1D 'conv'</c>.</summary>
    protected string Describe() => $"{TypeName} '{Name}'";

    /// <inheritdoc />
    public override string ToString() => Describe();
}
