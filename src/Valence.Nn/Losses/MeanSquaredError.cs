using System.Numerics.Tensors;
using Valence.Nn.Tensors;
using Tensor = Valence.Nn.Tensors.Tensor;

namespace Valence.Nn.Losses;

/// <summary>
/// The mean squared error over all elements of predictions and targets of the same shape, as PyTorch's
/// <c>F.mse_loss(predictions, targets)</c>.
/// </summary>
/// <remarks>
/// <code>
/// L = Σ (pᵢ − tᵢ)² / N
/// ∂L/∂pᵢ = 2·(pᵢ − tᵢ) / N
/// </code>
/// The sum is accumulated in double. Forward keeps the differences; the gradient tensor returned by Backward belongs
/// to the loss and is reused, so a training step allocates nothing once the largest batch has been seen.
/// </remarks>
public sealed class MeanSquaredError
{
    private Tensor? _difference;
    private Tensor? _inputGradient;
    private bool _hasForward;

    /// <summary>Returns the mean of (predictions − targets)².</summary>
    /// <exception cref="ShapeException">The shapes differ or are empty.</exception>
    public double Forward(Tensor predictions, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Shape != targets.Shape)
            throw new ShapeException($"MeanSquaredError: predictions of shape {predictions.Shape} and targets of shape {targets.Shape} differ; they must have the same shape.");
        if (predictions.Length == 0)
            throw new ShapeException($"MeanSquaredError: predictions of shape {predictions.Shape} are empty; the mean needs at least one element.");

        var difference = Tensor.Reuse(ref _difference, predictions.Shape).Span;
        TensorPrimitives.Subtract(predictions.ReadOnlySpan, targets.ReadOnlySpan, difference);
        double sum = 0;
        foreach (float d in difference) sum += (double)d * d;
        _hasForward = true;
        return sum / difference.Length;
    }

    /// <summary>Returns ∂loss/∂predictions for the last <see cref="Forward"/>, in a tensor owned by the loss and overwritten by the next call.</summary>
    /// <exception cref="InvalidOperationException">No Forward has been run.</exception>
    public Tensor Backward()
    {
        if (!_hasForward)
            throw new InvalidOperationException("MeanSquaredError: Backward needs a Forward first.");
        var gradient = Tensor.Reuse(ref _inputGradient, _difference!.Shape);
        // ∂L/∂p = 2·(p − t) / N
        TensorPrimitives.Multiply(_difference.ReadOnlySpan, (float)(2.0 / _difference.Length), gradient.Span);
        return gradient;
    }
}
