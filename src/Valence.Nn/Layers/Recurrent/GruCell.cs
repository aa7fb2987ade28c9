using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Valence.Nn.Kernels;

namespace Valence.Nn.Layers;

/// <summary>
/// The GRU cell, PyTorch's gate order r, z, n, with the reset gate applied after the hidden matrix product (ONNX
/// <c>linear_before_reset=1</c>). Forward leaves r, z, n in the gate rows and caches a_hn = W_hn h_{t−1} + b_hn.
/// </summary>
internal sealed class GruCell : RecurrentCell
{
    /// <summary>The one instance; cells hold no state.</summary>
    public static readonly GruCell Instance = new();

    private GruCell() { }

    /// <inheritdoc />
    public override int GateCount => 3;

    /// <inheritdoc />
    public override int CachedVectors => 1;

    /// <inheritdoc />
    public override bool ReadsRecurrentSeparately => true;

    /// <inheritdoc />
    public override bool HasSeparateHiddenGateGradient => true;

    /// <inheritdoc />
    public override bool HasDirectHiddenPath => true;

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
        ReadOnlySpan<float> bi = step.GatesBias, bh = step.RecurrentBias;
        ReadOnlySpan<float> bir = bi[..h], biz = bi.Slice(h, h), bin = bi[(2 * h)..];
        ReadOnlySpan<float> bhr = bh[..h], bhz = bh.Slice(h, h), bhn = bh[(2 * h)..];
        for (int b = 0; b < step.Batch; b++)
        {
            var a = step.Gates[b];
            Span<float> r = a[..h], z = a.Slice(h, h), n = a[(2 * h)..];
            ReadOnlySpan<float> ah = step.Recurrent[b], hPrev = step.HiddenPrevious[b];
            ReadOnlySpan<float> ahr = ah[..h], ahz = ah.Slice(h, h), ahn = ah[(2 * h)..];
            Span<float> cachedAhn = step.Cache[b], hidden = step.Hidden[b];
            for (int j = 0; j < h; j += T.Count)
            {
                // r = σ(a_xr + a_hr), z = σ(a_xz + a_hz), with a_x = W_ih x_t + b_ih and a_h = W_hh h_{t−1} + b_hh
                var vr = T.Sigmoid(T.Load(r, j) + T.Load(bir, j) + (T.Load(ahr, j) + T.Load(bhr, j)));
                var vz = T.Sigmoid(T.Load(z, j) + T.Load(biz, j) + (T.Load(ahz, j) + T.Load(bhz, j)));
                // n = tanh(a_xn + r ⊙ a_hn)
                var vahn = T.Load(ahn, j) + T.Load(bhn, j);
                var vn = T.Tanh(T.Load(n, j) + T.Load(bin, j) + vr * vahn);
                // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1} = n + z ⊙ (h_{t−1} − n)
                T.Store(vn + vz * (T.Load(hPrev, j) - vn), hidden, j);
                if (!step.KeepsForBackward) continue;
                T.Store(vr, r, j);
                T.Store(vz, z, j);
                T.Store(vn, n, j);
                T.Store(vahn, cachedAhn, j);
            }
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
            var gates = step.Gates[b];
            ReadOnlySpan<float> r = gates[..h], z = gates.Slice(h, h), n = gates[(2 * h)..];
            ReadOnlySpan<float> ahn = step.Cache[b], hPrev = step.HiddenPrevious[b], dh = step.HiddenGradient[b];
            var dx = step.InputGateGradient[b];
            var dhh = step.HiddenGateGradient[b];
            Span<float> dxr = dx[..h], dxz = dx.Slice(h, h), dxn = dx[(2 * h)..];
            Span<float> dhr = dhh[..h], dhz = dhh.Slice(h, h), dhn = dhh[(2 * h)..];
            var dhPrev = step.HiddenPreviousGradient[b];
            for (int j = 0; j < h; j += T.Count)
            {
                var vr = T.Load(r, j);
                var vz = T.Load(z, j);
                var vn = T.Load(n, j);
                var vdh = T.Load(dh, j);
                // da_n = dh ⊙ (1 − z) ⊙ (1 − n²), da_z = dh ⊙ (h_{t−1} − n) ⊙ z(1−z), da_r = da_n ⊙ a_hn ⊙ r(1−r)
                var dan = vdh * (one - vz) * (one - vn * vn);
                var daz = vdh * (T.Load(hPrev, j) - vn) * vz * (one - vz);
                var dar = dan * T.Load(ahn, j) * vr * (one - vr);
                // ∂L/∂a_x = [da_r, da_z, da_n]; ∂L/∂a_h = [da_r, da_z, da_n ⊙ r]
                T.Store(dar, dxr, j);
                T.Store(daz, dxz, j);
                T.Store(dan, dxn, j);
                T.Store(dar, dhr, j);
                T.Store(daz, dhz, j);
                T.Store(dan * vr, dhn, j);
                // the direct path h_t = … + z ⊙ h_{t−1} gives ∂L/∂h_{t−1} its share dh ⊙ z
                T.Store(vdh * vz, dhPrev, j);
            }
        }
    }
}
