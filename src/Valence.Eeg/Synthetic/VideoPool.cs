namespace Valence.Eeg.Synthetic;

/// <summary>
/// The music videos' target valence and arousal, the same for every subject: the pool is ordered by quadrant, a
/// quarter each (HVHA, LVHA, LVLA, HVLA in Experiment_id order), centred on 7 (high) and 3 (low), each video
/// spread about its centre by <see cref="SyntheticDeapOptions.VideoSpread"/>.
/// </summary>
internal static class VideoPool
{
    private static readonly (double Valence, double Arousal)[] QuadrantCentres = [(7, 7), (3, 7), (3, 3), (7, 3)];

    /// <summary>The target (valence, arousal) of each video, index = Experiment_id − 1.</summary>
    public static (double Valence, double Arousal)[] Targets(SyntheticDeapOptions options)
    {
        var rng = SyntheticRandom.For(options.Seed, RandomStream.Videos);
        var targets = new (double, double)[options.TrialCount];
        for (int k = 0; k < targets.Length; k++)
        {
            var centre = QuadrantCentres[k * QuadrantCentres.Length / targets.Length];
            targets[k] = (rng.Gaussian(centre.Valence, options.VideoSpread), rng.Gaussian(centre.Arousal, options.VideoSpread));
        }
        return targets;
    }
}
