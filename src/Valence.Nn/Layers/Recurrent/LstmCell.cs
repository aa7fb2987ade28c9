using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Valence.Nn.Kernels;

namespace Valence.Nn.Layers;

/// <summary>
/// The LSTM cell, PyTorch's gate order i, f, g, o. Forward leaves the activated gates in the gate rows, c_t in the
/// cell state and tanh(c_t) in the cache, so Backward needs no transcendental function.
/// </summary>
internal sealed class LstmCell : RecurrentCell
{
    /// <summary>The one instance; cells hold no state.</summary>
    public static readonly LstmCell Instance = new();

    private LstmCell() { }

    /// <inheritdoc />
    public override int GateCount => 4;

    /// <inheritdoc />
    public override int CachedVectors => 1;

    /// <inheritdoc />
    public override bool HasCellState => true;

    /// <inheritdoc />
    public override void Forward(scoped in RecurrentStep step)
    {
        if (Vector512.IsHardwareAccelerated) Forward<Lanes512>(step);
        else Forward<LanesVector>(step);
    }

    /// <inheritdoc />
    public override void Backward(scoped in RecurrentStep step)
    {
        if (Vector512.IsHardwareAccelerated) Backward<Lanes512>(step);
        else Backward<LanesVector>(step);
    }

    // One pass per row with the gate functions inline: a step's rows are short (H values per gate), where separate
    // span calls would cost more in overhead than in arithmetic. Compiled fully optimised at once: the generic lane
    // arithmetic is slow until inlined, and a short run (one window's inference) might never reach tier 1.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward<T>(scoped in RecurrentStep step) where T : struct, IFloatLanes<T>
    {
        int h = step.Units;
        ReadOnlySpan<float> bias = step.GatesBias;
        ReadOnlySpan<float> bi = bias[..h], bf = bias.Slice(h, h), bg = bias.Slice(2 * h, h), bo = bias[(3 * h)..];
        for (int b = 0; b < step.Batch; b++)
        {
            // a = (W_ih x_t + W_hh h_{t−1}) + (b_ih + b_hh)
            var a = step.Gates[b];
            Span<float> ai = a[..h], af = a.Slice(h, h), ag = a.Slice(2 * h, h), ao = a[(3 * h)..];
            ReadOnlySpan<float> cPrev = step.CellPrevious[b];
            Span<float> c = step.Cell[b], tanhC = step.Cache[b], hidden = step.Hidden[b];
            for (int j = 0; j < h; j += T.Count)
            {
                // i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o)
                var i = T.Sigmoid(T.Load(ai, j) + T.Load(bi, j));
                var f = T.Sigmoid(T.Load(af, j) + T.Load(bf, j));
                var g = T.Tanh(T.Load(ag, j) + T.Load(bg, j));
                var o = T.Sigmoid(T.Load(ao, j) + T.Load(bo, j));
                // c_t = f ⊙ c_{t−1} + i ⊙ g
                var ct = f * T.Load(cPrev, j) + i * g;
                // h_t = o ⊙ tanh(c_t)
                var tc = T.Tanh(ct);
                T.Store(ct, c, j);
                T.Store(o * tc, hidden, j);
                if (!step.KeepsForBackward) continue;
                T.Store(i, ai, j);
                T.Store(f, af, j);
                T.Store(g, ag, j);
                T.Store(o, ao, j);
                T.Store(tc, tanhC, j);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward<T>(scoped in RecurrentStep step) where T : struct, IFloatLanes<T>
    {
        int h = step.Units;
        var one = T.Create(1f);
        for (int b = 0; b < step.Batch; b++)
        {
            var gates = step.Gates[b];
            ReadOnlySpan<float> i = gates[..h], f = gates.Slice(h, h), g = gates.Slice(2 * h, h), o = gates[(3 * h)..];
            ReadOnlySpan<float> tanhC = step.Cache[b], cPrev = step.CellPrevious[b], dh = step.HiddenGradient[b];
            var dc = step.CellGradient[b];
            var da = step.InputGateGradient[b];
            Span<float> dai = da[..h], daf = da.Slice(h, h), dag = da.Slice(2 * h, h), dao = da[(3 * h)..];
            for (int j = 0; j < h; j += T.Count)
            {
                var vi = T.Load(i, j);
                var vf = T.Load(f, j);
                var vg = T.Load(g, j);
                var vo = T.Load(o, j);
                var vtc = T.Load(tanhC, j);
                var vdh = T.Load(dh, j);
                // dc_t = dc + dh ⊙ o ⊙ (1 − tanh²(c_t))
                var vdc = T.Load(dc, j) + vdh * vo * (one - vtc * vtc);
                // da_i = dc_t ⊙ g ⊙ i(1−i), da_f = dc_t ⊙ c_{t−1} ⊙ f(1−f), da_g = dc_t ⊙ i ⊙ (1−g²), da_o = dh ⊙ tanh(c_t) ⊙ o(1−o)
                T.Store(vdc * vg * vi * (one - vi), dai, j);
                T.Store(vdc * T.Load(cPrev, j) * vf * (one - vf), daf, j);
                T.Store(vdc * vi * (one - vg * vg), dag, j);
                T.Store(vdh * vtc * vo * (one - vo), dao, j);
                // dc_{t−1} = dc_t ⊙ f
                T.Store(vdc * vf, dc, j);
            }
        }
    }
}
