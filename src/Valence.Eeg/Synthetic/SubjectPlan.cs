using Valence.Eeg.Recordings;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Everything about one subject except the signals: traits, each trial's emotion, ratings and fingerprint, and the
/// presentation order. Cheap to build; the preprocessed and the raw form of a subject share it.
/// </summary>
internal sealed class SubjectPlan
{
    private SubjectPlan(SyntheticDeapOptions options, SubjectProfile profile, TrialPlan[] trials)
    {
        Options = options;
        Profile = profile;
        Trials = trials;
        PresentationOrder = trials.OrderBy(t => t.PresentationTrial).ToArray();
    }

    public SyntheticDeapOptions Options { get; }
    public SubjectProfile Profile { get; }
    public int Subject => Profile.Subject;
    /// <summary>Trials in video order (index = Experiment_id − 1).</summary>
    public IReadOnlyList<TrialPlan> Trials { get; }
    /// <summary>Trials in the order they were shown.</summary>
    public IReadOnlyList<TrialPlan> PresentationOrder { get; }

    /// <summary>Builds subject <paramref name="subject"/>'s plan.</summary>
    public static SubjectPlan Create(SyntheticDeapOptions options, int subject)
    {
        var profile = SubjectProfile.Draw(options, subject);
        var targets = VideoPool.Targets(options);
        var rng = SyntheticRandom.For(options.Seed, RandomStream.Ratings, subject);
        double biasValence = rng.Gaussian(0, 0.5), biasArousal = rng.Gaussian(0, 0.5);
        var order = Enumerable.Range(1, targets.Length).ToArray();
        rng.Shuffle(order.AsSpan());
        bool hasFamiliarity = !DeapRawLayout.MissingFamiliarity.Contains(subject);
        var trials = new TrialPlan[targets.Length];
        for (int k = 0; k < trials.Length; k++)
        {
            double latentValence = Scale(targets[k].Valence + biasValence + rng.Gaussian(0, options.StateJitter));
            double latentArousal = Scale(targets[k].Arousal + biasArousal + rng.Gaussian(0, options.StateJitter));
            float valence = Report(latentValence + rng.Gaussian(0, options.RatingNoise));
            float arousal = Report(latentArousal + rng.Gaussian(0, options.RatingNoise));
            // DEAP's dominance and liking follow valence loosely (r ≈ 0.4 and 0.6).
            float dominance = Report(5 + 0.45 * (valence - 5) + 0.15 * (arousal - 5) + rng.Gaussian(0, 1.3));
            float liking = Report(5 + 0.7 * (valence - 5) + rng.Gaussian(0, 1.2));
            int familiarity = (int)Math.Clamp(Math.Round(2.3 + 0.35 * (liking - 5) + rng.Gaussian(0, 1)), 1, 5);
            trials[k] = new TrialPlan(k + 1, order[k], latentValence, latentArousal,
                new Ratings(valence, arousal, dominance, liking), hasFamiliarity ? familiarity : null,
                TrialFingerprint.Draw(options, subject, k + 1));
        }
        return new SubjectPlan(options, profile, trials);
    }

    private static double Scale(double rating) => Math.Clamp(rating, 1, 9);

    private static float Report(double rating) => (float)(Math.Round(Scale(rating) * 100) / 100);
}
