namespace Valence.Eeg.Datasets;

/// <summary>The statistics a <see cref="Normalizer"/> fitted for one channel.</summary>
/// <param name="Name">The channel's name.</param>
/// <param name="Mean">Mean of the training samples.</param>
/// <param name="StandardDeviation">Population standard deviation of the training samples (divided by n, as numpy's
/// default and scikit-learn's StandardScaler); 0 for a flat channel, which is then only centred.</param>
/// <param name="Lower">The z value mapped onto the low end of the output range (0 when the method has no min-max step).</param>
/// <param name="Upper">The z value mapped onto the high end of the output range (0 when the method has no min-max step).</param>
public readonly record struct ChannelNormalization(string Name, double Mean, double StandardDeviation, double Lower, double Upper);
