using Valence.Nn.Tensors;

namespace Valence.Nn.Losses;

/// <summary>
/// Softmax cross-entropy of logits [batch, classes] against integer labels, mean over the batch, with optional class
/// weights and label smoothing: PyTorch 1.13's <c>F.cross_entropy(logits, labels, weight, label_smoothing=ε)</c>.
/// </summary>
/// <remarks>
/// <para>With log p_ic = z_ic − log Σ_k exp z_ik (the row maximum subtracted first, in double), weights w (all 1
/// when none are given), C classes and W = Σ_i w_(y_i):</para>
/// <code>
/// L = (1 − ε)·Σ_i w_(y_i)·(−log p_(i,y_i)) / W  +  (ε/C)·Σ_i Σ_c w_c·(−log p_ic) / W
/// ∂L/∂z_ik = [ (1 − ε)·w_(y_i)·(p_ik − [k = y_i])  +  (ε/C)·(Σ_c w_c·p_ik − w_k) ] / W
/// </code>
/// <para>Without weights this is the mean over the batch of the cross-entropy against the smoothed target
/// (1 − ε)·onehot + ε/C. The smoothing term is normalised by W, the weights of the labels, as PyTorch 1.13 does.</para>
/// <para>Forward keeps the probabilities and a copy of the labels; the gradient tensor returned by Backward belongs
/// to the loss and is reused, so a training step allocates nothing once the largest batch has been seen.</para>
/// </remarks>
public sealed class SoftmaxCrossEntropy
{
    private readonly float[]? _classWeights;
    private Tensor? _probabilities;
    private Tensor? _inputGradient;
    private int[] _labels = [];
    private double _weightSum;
    private bool _hasForward;

    /// <summary>Creates the loss.</summary>
    /// <param name="classWeights">One non-negative weight per class (PyTorch's <c>weight</c>), or empty for none.</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the share of the target spread evenly over all classes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite class weight, or ε outside [0, 1].</exception>
    public SoftmaxCrossEntropy(ReadOnlySpan<float> classWeights = default, double labelSmoothing = 0)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, $"SoftmaxCrossEntropy: labelSmoothing must be in [0, 1]; got {labelSmoothing}.");
        for (int c = 0; c < classWeights.Length; c++)
            if (!float.IsFinite(classWeights[c]) || classWeights[c] < 0)
                throw new ArgumentOutOfRangeException(nameof(classWeights), classWeights[c], $"SoftmaxCrossEntropy: class weight {c} is {classWeights[c]}; weights must be finite and at least 0.");
        _classWeights = classWeights.IsEmpty ? null : classWeights.ToArray();
        LabelSmoothing = labelSmoothing;
    }

    /// <summary>The weight of each class, or empty when all classes weigh 1.</summary>
    public ReadOnlySpan<float> ClassWeights => _classWeights;

    /// <summary>The label smoothing ε.</summary>
    public double LabelSmoothing { get; }

    /// <summary>Returns the loss of <paramref name="logits"/> [batch, classes] for <paramref name="labels"/> (one per row, in [0, classes)).</summary>
    /// <exception cref="ShapeException">Logits not of rank 2 or empty, a label count different from the batch, or a class-weight count different from the classes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label outside [0, classes).</exception>
    /// <exception cref="ArgumentException">All labels of the batch have class weight 0, so the weighted mean is undefined.</exception>
    public double Forward(Tensor logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Validate(logits.Shape, labels);
        _hasForward = false;
        int batch = logits.Shape[0], classes = logits.Shape[1];
        double smoothing = LabelSmoothing, classWeightSum = ClassWeightSum(classes);
        var probabilities = Tensor.Reuse(ref _probabilities, logits.Shape).Span;
        var z = logits.ReadOnlySpan;

        double labelTerm = 0, smoothingTerm = 0, weightSum = 0;
        for (int i = 0; i < batch; i++)
        {
            var row = z.Slice(i * classes, classes);
            double logSumExp = LogSumExp(row);
            double weightedLogits = 0;
            for (int c = 0; c < classes; c++)
            {
                probabilities[i * classes + c] = (float)Math.Exp(row[c] - logSumExp);
                weightedLogits += Weight(c) * (double)row[c];
            }
            int y = labels[i];
            // −log p_iy weighted by w_y; Σ_c w_c·(−log p_ic) = (Σ_c w_c)·logsumexp − Σ_c w_c·z_c
            labelTerm += Weight(y) * (logSumExp - row[y]);
            smoothingTerm += classWeightSum * logSumExp - weightedLogits;
            weightSum += Weight(y);
        }
        if (weightSum == 0)
            throw new ArgumentException($"SoftmaxCrossEntropy: every label of this batch of {batch} has class weight 0, so the weighted mean is undefined.", nameof(labels));

        if (_labels.Length < batch) _labels = new int[batch];
        labels.CopyTo(_labels);
        _weightSum = weightSum;
        _hasForward = true;
        return ((1 - smoothing) * labelTerm + smoothing / classes * smoothingTerm) / weightSum;
    }

    /// <summary>Returns ∂loss/∂logits for the last <see cref="Forward"/>, in a tensor owned by the loss and overwritten by the next call.</summary>
    /// <exception cref="InvalidOperationException">No Forward has been run.</exception>
    public Tensor Backward()
    {
        if (!_hasForward)
            throw new InvalidOperationException("SoftmaxCrossEntropy: Backward needs a Forward first.");
        var shape = _probabilities!.Shape;
        int batch = shape[0], classes = shape[1];
        var p = _probabilities.ReadOnlySpan;
        var gradient = Tensor.Reuse(ref _inputGradient, shape).Span;
        double smoothing = LabelSmoothing, spread = smoothing / classes, classWeightSum = ClassWeightSum(classes);

        for (int i = 0; i < batch; i++)
        {
            int y = _labels[i];
            double labelShare = (1 - smoothing) * Weight(y);
            // ∂L/∂z_ik = [ (1 − ε)·w_y·(p_ik − [k = y]) + (ε/C)·(Σ_c w_c·p_ik − w_k) ] / W
            double probabilityCoefficient = (labelShare + spread * classWeightSum) / _weightSum;
            for (int k = 0; k < classes; k++)
            {
                double target = spread * Weight(k) + (k == y ? labelShare : 0);
                gradient[i * classes + k] = (float)(probabilityCoefficient * p[i * classes + k] - target / _weightSum);
            }
        }
        return _inputGradient!;
    }

    private void Validate(TensorShape shape, ReadOnlySpan<int> labels)
    {
        ShapeException.ThrowIfRankIsNot(shape, 2, "SoftmaxCrossEntropy logits", "[batch, classes]");
        int batch = shape[0], classes = shape[1];
        if (batch == 0 || classes == 0)
            throw new ShapeException($"SoftmaxCrossEntropy: logits of shape {shape} are empty; at least one row and one class are needed.");
        if (labels.Length != batch)
            throw new ShapeException($"SoftmaxCrossEntropy: {labels.Length} labels for logits of shape {shape}; one label per row is needed.");
        if (_classWeights is not null && _classWeights.Length != classes)
            throw new ShapeException($"SoftmaxCrossEntropy: {_classWeights.Length} class weights for logits of shape {shape} with {classes} classes; give one weight per class.");
        for (int i = 0; i < batch; i++)
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"SoftmaxCrossEntropy: label {labels[i]} at row {i} is outside [0, {classes}) for logits of shape {shape}.");
    }

    private static double LogSumExp(ReadOnlySpan<float> row)
    {
        // Subtracting the maximum keeps every exp(·) ≤ 1, so large logits cannot overflow.
        double max = row[0];
        for (int c = 1; c < row.Length; c++) max = Math.Max(max, row[c]);
        double sum = 0;
        for (int c = 0; c < row.Length; c++) sum += Math.Exp(row[c] - max);
        return max + Math.Log(sum);
    }

    private double Weight(int c) => _classWeights is null ? 1.0 : _classWeights[c];

    private double ClassWeightSum(int classes)
    {
        if (_classWeights is null) return classes;
        double sum = 0;
        foreach (float w in _classWeights) sum += w;
        return sum;
    }
}
