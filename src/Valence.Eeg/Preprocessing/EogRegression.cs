namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Removes ocular artefacts by regression (Gratton, Coles and Donchin's method, as used for DEAP): each target
/// channel is regressed on the EOG channels over all samples of a subject, and the fitted EOG contribution subtracted.
/// </summary>
/// <remarks>
/// <para>Signals are laid out as a recording's: trials × channels × n, channel-major within a trial.</para>
/// <para>The regression includes an intercept: coefficients come from the mean-removed data,
/// B = Cov(EOG)⁻¹·Cov(EOG, target), solved from the k×k normal equations in double precision, and the subtraction
/// uses the mean-removed EOG, so a target's mean is left as it was. Sums run in one fixed order.</para>
/// </remarks>
public static class EogRegression
{
    /// <summary>Estimates the propagation factors from every sample of every trial.</summary>
    /// <exception cref="InvalidOperationException">The EOG channels are constant or linearly dependent, so their leakage cannot be told apart.</exception>
    public static EogRegressionFit Fit(ReadOnlySpan<float> samples, int trials, int channels, int n, ReadOnlySpan<int> eog, ReadOnlySpan<int> targets)
    {
        CheckLayout(samples.Length, trials, channels, n);
        int k = eog.Length;
        double[] eogMeans = Means(samples, trials, channels, n, eog);
        double[] targetMeans = Means(samples, trials, channels, n, targets);

        var covariance = new double[k, k];
        var cross = new double[k, targets.Length];
        var centred = new double[k * n];
        for (int trial = 0; trial < trials; trial++)
        {
            ReadOnlySpan<float> block = samples.Slice(trial * channels * n, channels * n);
            for (int i = 0; i < k; i++)
            {
                ReadOnlySpan<float> row = block.Slice(eog[i] * n, n);
                for (int t = 0; t < n; t++) centred[i * n + t] = row[t] - eogMeans[i];
            }
            for (int i = 0; i < k; i++)
                for (int j = 0; j <= i; j++)
                    covariance[i, j] += Dot(centred.AsSpan(i * n, n), centred.AsSpan(j * n, n));
            for (int c = 0; c < targets.Length; c++)
            {
                ReadOnlySpan<float> row = block.Slice(targets[c] * n, n);
                for (int i = 0; i < k; i++)
                {
                    double sum = 0;
                    for (int t = 0; t < n; t++) sum += centred[i * n + t] * (row[t] - targetMeans[c]);
                    cross[i, c] += sum;
                }
            }
        }
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++) covariance[i, j] = covariance[j, i];

        double[,] solution = SolveNormalEquations(covariance, cross);
        var coefficients = new double[targets.Length, k];
        for (int c = 0; c < targets.Length; c++)
            for (int i = 0; i < k; i++) coefficients[c, i] = solution[i, c];
        return new EogRegressionFit(eogMeans, coefficients);
    }

    /// <summary>Subtracts the fitted EOG contribution from each target channel, in place.</summary>
    public static void Subtract(Span<float> samples, int trials, int channels, int n, ReadOnlySpan<int> eog, ReadOnlySpan<int> targets, EogRegressionFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        CheckLayout(samples.Length, trials, channels, n);
        if (fit.Coefficients.GetLength(0) != targets.Length || fit.Coefficients.GetLength(1) != eog.Length)
            throw new ArgumentException($"The fit is for {fit.Coefficients.GetLength(0)} targets × {fit.Coefficients.GetLength(1)} EOG channels, not {targets.Length} × {eog.Length}.", nameof(fit));
        var contribution = new double[n];
        for (int trial = 0; trial < trials; trial++)
        {
            Span<float> block = samples.Slice(trial * channels * n, channels * n);
            for (int c = 0; c < targets.Length; c++)
            {
                Array.Clear(contribution);
                for (int i = 0; i < eog.Length; i++)
                {
                    ReadOnlySpan<float> row = block.Slice(eog[i] * n, n);
                    double factor = fit.Coefficients[c, i], mean = fit.EogMeans[i];
                    for (int t = 0; t < n; t++) contribution[t] += factor * (row[t] - mean);
                }
                Span<float> target = block.Slice(targets[c] * n, n);
                for (int t = 0; t < n; t++) target[t] = (float)(target[t] - contribution[t]);
            }
        }
    }

    private static double[] Means(ReadOnlySpan<float> samples, int trials, int channels, int n, ReadOnlySpan<int> which)
    {
        var means = new double[which.Length];
        for (int i = 0; i < which.Length; i++)
        {
            double sum = 0;
            for (int trial = 0; trial < trials; trial++)
                foreach (float v in samples.Slice((trial * channels + which[i]) * n, n)) sum += v;
            means[i] = sum / ((double)trials * n);
        }
        return means;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int t = 0; t < a.Length; t++) sum += a[t] * b[t];
        return sum;
    }

    /// <summary>Solves A·X = B (A symmetric k×k) by Gaussian elimination with partial pivoting; refuses a (nearly) singular A.</summary>
    private static double[,] SolveNormalEquations(double[,] a, double[,] b)
    {
        int k = a.GetLength(0), m = b.GetLength(1);
        double largest = 0;
        for (int i = 0; i < k; i++) largest = Math.Max(largest, Math.Abs(a[i, i]));
        for (int col = 0; col < k; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < k; r++)
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            if (!(Math.Abs(a[pivot, col]) > 1e-12 * largest))
                throw new InvalidOperationException("The EOG channels are constant or linearly dependent, so their leakage into the EEG cannot be estimated.");
            SwapRows(a, col, pivot);
            SwapRows(b, col, pivot);
            for (int r = col + 1; r < k; r++)
            {
                double factor = a[r, col] / a[col, col];
                for (int c = col; c < k; c++) a[r, c] -= factor * a[col, c];
                for (int c = 0; c < m; c++) b[r, c] -= factor * b[col, c];
            }
        }
        var x = new double[k, m];
        for (int c = 0; c < m; c++)
            for (int r = k - 1; r >= 0; r--)
            {
                double sum = b[r, c];
                for (int j = r + 1; j < k; j++) sum -= a[r, j] * x[j, c];
                x[r, c] = sum / a[r, r];
            }
        return x;
    }

    private static void SwapRows(double[,] matrix, int first, int second)
    {
        if (first == second) return;
        for (int c = 0; c < matrix.GetLength(1); c++) (matrix[first, c], matrix[second, c]) = (matrix[second, c], matrix[first, c]);
    }

    private static void CheckLayout(int length, int trials, int channels, int n)
    {
        if ((long)trials * channels * n != length || trials < 1 || channels < 1 || n < 1)
            throw new ArgumentException($"{length} samples are not {trials} trials × {channels} channels × {n} samples.", "samples");
    }
}
