using System.Numerics;
using System.Numerics.Tensors;
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
        for (int b = 0; b < step.Batch; b++)
        {
            // h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
            var a = step.Gates[b];
            TensorPrimitives.Add(a, step.Recurrent[b], a);
            TensorPrimitives.Tanh(a, step.Hidden[b]);
        }
    }

    /// <inheritdoc />
    public override void Backward(scoped in RecurrentStep step)
    {
        int h = step.Units;
        for (int b = 0; b < step.Batch; b++)
        {
            ReadOnlySpan<float> hidden = step.Hidden[b], dh = step.HiddenGradient[b];
            var da = step.InputGateGradient[b];
            for (int j = 0; j < h; j += Vector<float>.Count)
            {
                // da = dh ⊙ (1 − h_t²)
                var vh = VectorChunks.Load(hidden, j);
                VectorChunks.Store(VectorChunks.Load(dh, j) * (Vector<float>.One - vh * vh), da, j);
            }
        }
    }
}
