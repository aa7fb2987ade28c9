using System.Numerics.Tensors;
using Valence.Nn.Layers;

namespace Valence.Nn.Optimizers;

/// <summary>Gradient clipping, as <c>torch.nn.utils.clip_grad_norm_</c>.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients by one factor so that their joint 2-norm is at most about <paramref name="maxNorm"/>,
    /// and returns the norm before clipping.
    /// </summary>
    /// <remarks>
    /// <code>
    /// total = √(Σ over parameters ‖g‖²)
    /// coef  = maxNorm / (total + 1e-6),  g = coef·g only when coef &lt; 1
    /// </code>
    /// Each gradient's norm is taken in float32, as PyTorch does, and combined in double. A non-finite total is
    /// returned as it is (an infinite one zeroes the gradients, a NaN leaves them), so check it before stepping.
    /// Allocates nothing.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not positive and finite.</exception>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!double.IsFinite(maxNorm) || maxNorm <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, $"ClipByGlobalNorm: maxNorm must be positive and finite; got {maxNorm}.");

        double sumOfSquares = 0;
        for (int i = 0; i < parameters.Count; i++)
        {
            double norm = TensorPrimitives.Norm(parameters[i].Gradient.ReadOnlySpan);
            sumOfSquares += norm * norm;
        }
        double total = Math.Sqrt(sumOfSquares);

        double coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1)
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                var gradient = parameters[i].Gradient.Span;
                TensorPrimitives.Multiply(gradient, (float)coefficient, gradient);
            }
        }
        return total;
    }
}
