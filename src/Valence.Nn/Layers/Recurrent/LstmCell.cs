using System.Numerics;
using System.Numerics.Tensors;
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
        int h = step.Units;
        for (int b = 0; b < step.Batch; b++)
        {
            var a = step.Gates[b];
            TensorPrimitives.Add(a, step.Recurrent[b], a);
            // i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o)
            TensorPrimitives.Sigmoid(a[..(2 * h)], a[..(2 * h)]);
            TensorPrimitives.Tanh(a.Slice(2 * h, h), a.Slice(2 * h, h));
            TensorPrimitives.Sigmoid(a[(3 * h)..], a[(3 * h)..]);
            // c_t = f ⊙ c_{t−1} + i ⊙ g
            var c = step.Cell[b];
            TensorPrimitives.Multiply(a.Slice(h, h), step.CellPrevious[b], c);
            TensorPrimitives.FusedMultiplyAdd(a[..h], a.Slice(2 * h, h), c, c);
            // h_t = o ⊙ tanh(c_t)
            var tanhC = step.Cache[b];
            TensorPrimitives.Tanh(c, tanhC);
            TensorPrimitives.Multiply(a[(3 * h)..], tanhC, step.Hidden[b]);
        }
    }

    /// <inheritdoc />
    public override void Backward(scoped in RecurrentStep step)
    {
        int h = step.Units;
        for (int b = 0; b < step.Batch; b++)
        {
            var gates = step.Gates[b];
            ReadOnlySpan<float> i = gates[..h], f = gates.Slice(h, h), g = gates.Slice(2 * h, h), o = gates[(3 * h)..];
            ReadOnlySpan<float> tanhC = step.Cache[b], cPrev = step.CellPrevious[b], dh = step.HiddenGradient[b];
            var dc = step.CellGradient[b];
            var da = step.InputGateGradient[b];
            Span<float> dai = da[..h], daf = da.Slice(h, h), dag = da.Slice(2 * h, h), dao = da[(3 * h)..];
            var one = Vector<float>.One;
            for (int j = 0; j < h; j += Vector<float>.Count)
            {
                var vi = VectorChunks.Load(i, j);
                var vf = VectorChunks.Load(f, j);
                var vg = VectorChunks.Load(g, j);
                var vo = VectorChunks.Load(o, j);
                var vtc = VectorChunks.Load(tanhC, j);
                var vdh = VectorChunks.Load(dh, j);
                // dc_t = dc + dh ⊙ o ⊙ (1 − tanh²(c_t))
                var vdc = VectorChunks.Load(dc, j) + vdh * vo * (one - vtc * vtc);
                // da_i = dc_t ⊙ g ⊙ i(1−i), da_f = dc_t ⊙ c_{t−1} ⊙ f(1−f), da_g = dc_t ⊙ i ⊙ (1−g²), da_o = dh ⊙ tanh(c_t) ⊙ o(1−o)
                VectorChunks.Store(vdc * vg * vi * (one - vi), dai, j);
                VectorChunks.Store(vdc * VectorChunks.Load(cPrev, j) * vf * (one - vf), daf, j);
                VectorChunks.Store(vdc * vi * (one - vg * vg), dag, j);
                VectorChunks.Store(vdh * vtc * vo * (one - vo), dao, j);
                // dc_{t−1} = dc_t ⊙ f
                VectorChunks.Store(vdc * vf, dc, j);
            }
        }
    }
}
