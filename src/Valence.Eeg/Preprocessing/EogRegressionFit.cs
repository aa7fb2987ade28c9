namespace Valence.Eeg.Preprocessing;

/// <summary>
/// How much each EOG channel leaks into each target channel, as estimated by <see cref="EogRegression.Fit"/>:
/// target ≈ its mean + Σ_j <c>Coefficients[target, j]</c>·(EOG_j − <c>EogMeans[j]</c>).
/// </summary>
/// <param name="EogMeans">Each EOG channel's mean over the data the fit saw.</param>
/// <param name="Coefficients">targets × EOG channels: the least-squares propagation factors.</param>
public sealed record EogRegressionFit(double[] EogMeans, double[,] Coefficients);
