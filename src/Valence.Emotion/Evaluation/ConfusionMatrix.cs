namespace Valence.Emotion.Evaluation;

/// <summary>
/// Counts of (true class, predicted class) pairs: row <c>i</c> is the true class, column <c>j</c> the predicted one,
/// as in scikit-learn's <c>confusion_matrix</c>. Immutable; <see cref="Sum"/> pools matrices of several folds.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    private ConfusionMatrix(int classCount, long[] counts)
    {
        ClassCount = classCount;
        _counts = counts;
    }

    /// <summary>Number of classes k; the matrix is k × k.</summary>
    public int ClassCount { get; }

    /// <summary>How many items of true class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _counts[Index(actual, predicted)];

    /// <summary>Number of items counted.</summary>
    public long Total => Block(0, ClassCount, 0, ClassCount);

    /// <summary>Number of items predicted correctly (the trace).</summary>
    public long Correct
    {
        get
        {
            long correct = 0;
            for (int c = 0; c < ClassCount; c++) correct += this[c, c];
            return correct;
        }
    }

    /// <summary>Items whose true class is <paramref name="actual"/> (the row sum, the class's support).</summary>
    public long TrueCount(int actual) => Block(actual, actual + 1, 0, ClassCount);

    /// <summary>Items predicted as <paramref name="predicted"/> (the column sum).</summary>
    public long PredictedCount(int predicted) => Block(0, ClassCount, predicted, predicted + 1);

    /// <summary>Counts the pairs (truth[i], predicted[i]).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label lies outside [0, classCount).</exception>
    public static ConfusionMatrix FromLabels(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        if (truth.Length != predicted.Length)
            throw new ArgumentException(
                $"truth has {truth.Length} labels but predicted has {predicted.Length}; they must pair up one to one.", nameof(predicted));
        var counts = new long[classCount * classCount];
        for (int i = 0; i < truth.Length; i++)
        {
            RequireLabel(truth[i], classCount, i, nameof(truth));
            RequireLabel(predicted[i], classCount, i, nameof(predicted));
            counts[truth[i] * classCount + predicted[i]]++;
        }
        return new ConfusionMatrix(classCount, counts);
    }

    /// <summary>A matrix from explicit counts, <paramref name="counts"/>[true, predicted].</summary>
    /// <exception cref="ArgumentException">The array is not square or is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static ConfusionMatrix FromCounts(long[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int k = counts.GetLength(0);
        if (k == 0 || counts.GetLength(1) != k)
            throw new ArgumentException($"counts is {counts.GetLength(0)} × {counts.GetLength(1)}; it must be square and non-empty.", nameof(counts));
        var flat = new long[k * k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
            {
                if (counts[i, j] < 0)
                    throw new ArgumentOutOfRangeException(nameof(counts), counts[i, j], $"counts[{i}, {j}] is negative; counts must be ≥ 0.");
                flat[i * k + j] = counts[i, j];
            }
        return new ConfusionMatrix(k, flat);
    }

    /// <summary>The element-wise sum of <paramref name="matrices"/> (the pooled matrix of several folds).</summary>
    /// <exception cref="ArgumentException">No matrices, or their class counts differ.</exception>
    public static ConfusionMatrix Sum(IReadOnlyList<ConfusionMatrix> matrices)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        if (matrices.Count == 0) throw new ArgumentException("there are no confusion matrices to pool.", nameof(matrices));
        int k = matrices[0].ClassCount;
        var pooled = new long[k * k];
        for (int m = 0; m < matrices.Count; m++)
        {
            if (matrices[m].ClassCount != k)
                throw new ArgumentException(
                    $"matrix {m} has {matrices[m].ClassCount} classes but matrix 0 has {k}; only matrices of the same classes pool.", nameof(matrices));
            for (int i = 0; i < pooled.Length; i++) pooled[i] += matrices[m]._counts[i];
        }
        return new ConfusionMatrix(k, pooled);
    }

    /// <summary>The counts as a new k × k array, [true, predicted].</summary>
    public long[,] ToArray()
    {
        var array = new long[ClassCount, ClassCount];
        for (int i = 0; i < ClassCount; i++)
            for (int j = 0; j < ClassCount; j++)
                array[i, j] = this[i, j];
        return array;
    }

    private long Block(int rowStart, int rowEnd, int columnStart, int columnEnd)
    {
        long sum = 0;
        for (int i = rowStart; i < rowEnd; i++)
            for (int j = columnStart; j < columnEnd; j++)
                sum += _counts[i * ClassCount + j];
        return sum;
    }

    private int Index(int actual, int predicted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(actual);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(actual, ClassCount);
        ArgumentOutOfRangeException.ThrowIfNegative(predicted);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predicted, ClassCount);
        return actual * ClassCount + predicted;
    }

    private static void RequireLabel(int label, int classCount, int position, string name)
    {
        if ((uint)label >= (uint)classCount)
            throw new ArgumentOutOfRangeException(name, label, $"{name}[{position}] = {label}; labels must lie in [0, {classCount}).");
    }
}
