using Valence.Nn.Layers;
using Valence.Nn.Tensors;

namespace Valence.Nn.Optimizers;

/// <summary>
/// What every optimiser shares: the parameters it updates in place, a learning rate that schedules may change
/// between steps, a step counter, and named state tensors (moments, momentum buffers) for checkpoints.
/// </summary>
/// <remarks>
/// <para>State tensors are created in the constructor, in parameter order, and named
/// <c>{parameter index}.{key}</c> with PyTorch's keys (<c>0.exp_avg</c>, <c>3.momentum_buffer</c>), as in
/// <c>optimizer.state_dict()["state"]</c>. Saving <see cref="StepCount"/>, <see cref="LearningRate"/> and
/// <see cref="State"/>, and restoring them with <see cref="LearningRate"/> and <see cref="LoadState"/>, makes a
/// resumed run continue bit for bit as if it had not stopped.</para>
/// <para><see cref="Step"/> allocates nothing: updates run in place with TensorPrimitives over spans.</para>
/// </remarks>
public abstract class Optimizer
{
    private readonly Parameter[] _parameters;
    private readonly List<(string Name, Tensor Value)> _state = [];
    private double _learningRate;

    /// <summary>Creates an optimiser of <paramref name="parameters"/>, which must be non-empty and distinct.</summary>
    /// <exception cref="ArgumentException">No parameters, a parameter listed twice, or an invalid learning rate.</exception>
    protected Optimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        if (_parameters.Length == 0)
            throw new ArgumentException($"{GetType().Name} got an empty parameter list; give it the model's parameters.", nameof(parameters));
        for (int i = 0; i < _parameters.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(_parameters[i], $"{nameof(parameters)}[{i}]");
            int first = Array.IndexOf(_parameters, _parameters[i]);
            if (first != i)
                throw new ArgumentException($"{GetType().Name}: parameter {i} ({_parameters[i]}) is the same object as parameter {first}; each parameter must be listed once.", nameof(parameters));
        }
        LearningRate = learningRate;
    }

    /// <summary>The parameters updated by <see cref="Step"/>, in the order given to the constructor.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The learning rate used by the next <see cref="Step"/>; learning-rate schedules set it once per epoch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            if (!double.IsFinite(value) || value < 0)
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, $"{GetType().Name}: the learning rate must be finite and at least 0; got {value}.");
            _learningRate = value;
        }
    }

    /// <summary>The number of steps taken (PyTorch's <c>state["step"]</c>); Adam's bias correction depends on it.</summary>
    public long StepCount { get; private set; }

    /// <summary>The optimiser's state tensors, named <c>{parameter index}.{key}</c>; empty for plain SGD.</summary>
    public IReadOnlyList<(string Name, Tensor Value)> State => _state;

    /// <summary>Updates every parameter in place from its gradient and increments <see cref="StepCount"/>.</summary>
    public void Step()
    {
        StepCount++;
        Update();
    }

    /// <summary>Sets every parameter's gradient to zero (PyTorch's <c>zero_grad(set_to_none=False)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters) parameter.Gradient.Clear();
    }

    /// <summary>
    /// Restores a checkpoint: the step counter and a copy of every state tensor by name. Everything is validated
    /// before anything is copied, so a refused checkpoint leaves the optimiser as it was.
    /// </summary>
    /// <exception cref="ArgumentException">A negative step count, or state names or shapes that differ from <see cref="State"/>.</exception>
    public void LoadState(long stepCount, IReadOnlyList<(string Name, Tensor Value)> state)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepCount);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Count != _state.Count)
            throw new ArgumentException($"{GetType().Name}: the checkpoint holds {state.Count} state tensors, this optimiser has {_state.Count} ({DescribeState()}).", nameof(state));
        var seen = new HashSet<string>();
        foreach (var (name, value) in state)
        {
            ArgumentNullException.ThrowIfNull(value, $"{nameof(state)}['{name}']");
            if (!seen.Add(name))
                throw new ArgumentException($"{GetType().Name}: the checkpoint holds state '{name}' twice.", nameof(state));
            var own = FindState(name)
                ?? throw new ArgumentException($"{GetType().Name}: the checkpoint's state '{name}' is not one of this optimiser's ({DescribeState()}).", nameof(state));
            if (own.Shape != value.Shape)
                throw new ShapeException($"{GetType().Name}: state '{name}' has shape {value.Shape} in the checkpoint, {own.Shape} here.");
        }
        foreach (var (name, value) in state) value.CopyTo(FindState(name)!);
        StepCount = stepCount;
    }

    /// <summary>Applies one update; <see cref="StepCount"/> already counts this step (1 on the first).</summary>
    protected abstract void Update();

    /// <summary>Creates a zero-filled state tensor shaped like parameter <paramref name="parameterIndex"/>, named <c>{index}.{key}</c>.</summary>
    protected Tensor AddState(int parameterIndex, string key)
    {
        var tensor = new Tensor(_parameters[parameterIndex].Shape);
        _state.Add(($"{parameterIndex}.{key}", tensor));
        return tensor;
    }

    /// <summary>A zero-filled tensor as long as the largest parameter, for intermediate results of an update.</summary>
    protected Tensor CreateScratch()
    {
        int length = 0;
        foreach (var parameter in _parameters) length = Math.Max(length, parameter.Value.Length);
        return new Tensor(length);
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and at least 0.</summary>
    protected void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, value, $"{GetType().Name}: {name} must be finite and at least 0; got {value}.");
    }

    private Tensor? FindState(string name)
    {
        foreach (var (own, value) in _state)
            if (own == name) return value;
        return null;
    }

    private string DescribeState() => _state.Count == 0 ? "none" : string.Join(", ", _state.Select(s => s.Name));
}
