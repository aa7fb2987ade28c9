namespace Valence.Emotion.Evaluation;

/// <summary>
/// How well predicted labels match true ones, with scikit-learn's definitions (checked against
/// tests/goldens/emotion/make_metrics.py). Every score derives from the <see cref="Confusion"/> matrix, so the metrics
/// of pooled folds are those of the pooled matrix.
/// </summary>
/// <remarks>
/// Conventions: a ratio whose denominator is 0 is 0 (zero_division=0). Macro-F1 averages the F1 of the classes that
/// occur in truth or in predictions (scikit-learn's default labels); a class absent from both is left out rather than
/// counted as 0. Balanced accuracy averages recall over the classes present in truth. Cohen's kappa is NaN when
/// chance agreement is 1 (every item in one class, all predicted as it), where it is undefined.
/// </remarks>
public sealed class ClassificationMetrics
{
    private ClassificationMetrics(ConfusionMatrix confusion, IReadOnlyList<string> classNames)
    {
        Confusion = confusion;
        ClassNames = classNames;
        Count = confusion.Total;
        PerClass = [.. Enumerable.Range(0, confusion.ClassCount).Select(c => ScoreClass(confusion, c, classNames[c]))];
        Accuracy = (double)confusion.Correct / Count;
        BalancedAccuracy = PerClass.Where(c => c.Support > 0).Average(c => c.Recall);
        MacroF1 = PerClass.Where(c => c.Support > 0 || c.Predicted > 0).Average(c => c.F1);
        Kappa = CohensKappa(confusion);
        ChanceLevel = (double)PerClass.Max(c => c.Support) / Count;
        UniformChance = 1.0 / confusion.ClassCount;
    }

    /// <summary>Counts of (true, predicted) pairs; rows are true classes, columns predicted classes.</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>Class names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of items evaluated.</summary>
    public long Count { get; }

    /// <summary>Share of items predicted correctly.</summary>
    public double Accuracy { get; }

    /// <summary>Mean recall over the classes present in truth (scikit-learn's balanced_accuracy_score).</summary>
    public double BalancedAccuracy { get; }

    /// <summary>Mean F1 over the classes present in truth or predictions (scikit-learn's f1_score, average='macro').</summary>
    public double MacroF1 { get; }

    /// <summary>
    /// Cohen's kappa, (p_o − p_e) / (1 − p_e): agreement beyond what the two label distributions give by chance;
    /// computed as scikit-learn does, 1 − Σ_{i≠j} C_ij / Σ_{i≠j} E_ij with E_ij = rows_i · columns_j / n.
    /// NaN when undefined (chance agreement 1).
    /// </summary>
    public double Kappa { get; }

    /// <summary>Majority-class rate of the evaluated set: the accuracy of always predicting its most frequent class.</summary>
    public double ChanceLevel { get; }

    /// <summary>1 / k, the expected accuracy of guessing uniformly among the k classes.</summary>
    public double UniformChance { get; }

    /// <summary>Scores of each class, indexed by label.</summary>
    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>The metrics of predictions <paramref name="predicted"/> against <paramref name="truth"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty, or there are fewer than two class names.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label lies outside the classes.</exception>
    public static ClassificationMetrics Compute(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, IReadOnlyList<string> classNames)
    {
        RequireClassNames(classNames);
        return FromConfusion(ConfusionMatrix.FromLabels(truth, predicted, classNames.Count), classNames);
    }

    /// <summary>The metrics of the items counted in <paramref name="confusion"/>.</summary>
    /// <exception cref="ArgumentException">The matrix is empty, or the class names do not match its classes.</exception>
    public static ClassificationMetrics FromConfusion(ConfusionMatrix confusion, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        RequireClassNames(classNames);
        if (classNames.Count != confusion.ClassCount)
            throw new ArgumentException(
                $"{classNames.Count} class names for a {confusion.ClassCount}-class confusion matrix; give one name per class.", nameof(classNames));
        if (confusion.Total == 0)
            throw new ArgumentException("the confusion matrix counts no items; there is nothing to evaluate.", nameof(confusion));
        return new ClassificationMetrics(confusion, [.. classNames]);
    }

    private static ClassMetrics ScoreClass(ConfusionMatrix confusion, int c, string name)
    {
        long truePositives = confusion[c, c];
        long support = confusion.TrueCount(c);
        long predicted = confusion.PredictedCount(c);
        long falsePositives = predicted - truePositives;
        long falseNegatives = support - truePositives;
        return new ClassMetrics(name,
            Precision: Ratio(truePositives, predicted),
            Recall: Ratio(truePositives, support),
            F1: Ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
            Support: support,
            Predicted: predicted);
    }

    private static double CohensKappa(ConfusionMatrix confusion)
    {
        // κ = 1 − Σ_{i≠j} C_ij / Σ_{i≠j} E_ij,  E_ij = rowsum_i · colsum_j / n  (scikit-learn's cohen_kappa_score)
        int k = confusion.ClassCount;
        double n = confusion.Total;
        double observed = 0, expected = 0;
        for (int i = 0; i < k; i++)
        {
            double row = confusion.TrueCount(i);
            for (int j = 0; j < k; j++)
            {
                if (i == j) continue;
                observed += confusion[i, j];
                expected += row * confusion.PredictedCount(j) / n;
            }
        }
        return expected == 0 ? double.NaN : 1 - observed / expected;
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static void RequireClassNames(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count < 2)
            throw new ArgumentException($"{classNames.Count} class names given; a classification needs at least 2.", nameof(classNames));
        for (int c = 0; c < classNames.Count; c++)
            if (string.IsNullOrWhiteSpace(classNames[c]))
                throw new ArgumentException($"class name {c} is empty; every class needs a name.", nameof(classNames));
    }
}
