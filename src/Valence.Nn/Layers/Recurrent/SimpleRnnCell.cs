using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Valence.Nn.Kernels;

namespace Valence.Nn.Layers;

/// <summary>The Elman cell with tanh, PyTorch's <c>nn.RNN</c>: h_t = tanh(a_x + a_h). Backward reads h_t itself.</summary>
internal sealed class SimpleRnnCell : RecurrentCell
{
    /// <summary>The one instance; cells hold no state.</summary>
    public static readonly SimpleRnnCell Instance = new();

    private SimpleRnnCell() { }

    /// <inheritdoc />
    public override int GateCount => 1;

    /// <inheritdoc />
    public override void Forward(scoped in RecurrentStep step)
    {
        if (Vector512.IsHardwareAccelerated) Forward<Lanes512>(step);
        else Forward<LanesVector>(step);
    }

    // One fused pass per row, as LstmCell's (and compiled optimised at once for the same reason).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward<T>(scoped in RecurrentStep step) where T : struct, IFloatLanes<T>
    {
        int h = step.Units;
        ReadOnlySpan<float> bias = step.GatesBias;
        for (int b = 0; b < step.Batch; b++)
        {
            ReadOnlySpan<float> a = step.Gates[b];
            var hidden = step.Hidden[b];
            // h_t = tanh((W_ih x_t + W_hh h_{t−1}) + (b_ih + b_hh))
            for (int j = 0; j < h; j += T.Count)
                T.Store(T.Tanh(T.Load(a, j) + T.Load(bias, j)), hidden, j);
        }
    }

    /// <inheritdoc />
    public override void Backward(scoped in RecurrentStep step)
    {
        if (Vector512.IsHardwareAccelerated) Backward<Lanes512>(step);
        else Backward<LanesVector>(step);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward<T>(scoped in RecurrentStep step) where T : struct, IFloatLanes<T>
    {
        int h = step.Units;
        var one = T.Create(1f);
        for (int b = 0; b < step.Batch; b++)
        {
            ReadOnlySpan<float> hidden = step.Hidden[b], dh = step.HiddenGradient[b];
            var da = step.InputGateGradient[b];
            for (int j = 0; j < h; j += T.Count)
            {
                // da = dh ⊙ (1 − h_t²)
                var vh = T.Load(hidden, j);
                T.Store(T.Load(dh, j) * (one - vh * vh), da, j);
            }
        }
    }
}
