using Valence.Eeg.Recordings;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Generates synthetic DEAP data, one subject at a time: the preprocessed form (what s01.dat … s32.dat hold), the
/// raw form (a continuous 512 Hz session with DEAP's trigger protocol, what s01.bdf … s32.bdf hold) and the rows
/// of participant_ratings.csv. The model and its settings are described on <see cref="SyntheticDeapOptions"/>.
/// </summary>
/// <remarks>
/// Every subject is drawn from streams keyed by the seed and its own number, so subject k is the same whichever
/// subjects were generated before it, in whatever order, on however many threads. The preprocessed and raw forms of
/// a subject share its traits, ratings, presentation order and trial fingerprints; their noise is drawn separately
/// (the preprocessed form is not the raw form passed through DEAP's pipeline).
/// </remarks>
public sealed class SyntheticDeapGenerator
{
    /// <summary>Creates a generator with the given settings.</summary>
    public SyntheticDeapGenerator(SyntheticDeapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public SyntheticDeapOptions Options { get; }

    /// <summary>
    /// Subject <paramref name="subject"/> (1-based) in the preprocessed form: trials in video order ×
    /// 40 channels (<see cref="DeapChannels.Preprocessed"/>) × <see cref="SyntheticDeapOptions.SamplesPerTrial"/>
    /// samples at <see cref="SyntheticDeapOptions.SampleRate"/>, with each trial's ratings. Trials are generated in
    /// parallel.
    /// </summary>
    public SubjectRecording GenerateSubject(int subject)
    {
        var plan = Plan(subject);
        int trialSize = DeapChannels.Preprocessed.Count * Options.SamplesPerTrial;
        var samples = new float[plan.Trials.Count * trialSize];
        Parallel.For(0, plan.Trials.Count,
            () => new PreprocessedTrialSynthesizer(plan),
            (k, _, synthesizer) =>
            {
                synthesizer.Write(plan.Trials[k], samples.AsSpan(k * trialSize, trialSize));
                return synthesizer;
            },
            _ => { });
        return new SubjectRecording(subject, samples, plan.Trials.Count, DeapChannels.Preprocessed, Options.SampleRate,
            plan.Trials.Select(t => t.Ratings).ToArray(), Options.BaselineSeconds, Source(subject));
    }

    /// <summary>Subjects 1 … <see cref="SyntheticDeapOptions.SubjectCount"/> in the preprocessed form, each generated when enumerated.</summary>
    public IEnumerable<SubjectRecording> GenerateSubjects()
    {
        for (int subject = 1; subject <= Options.SubjectCount; subject++)
            yield return GenerateSubject(subject);
    }

    /// <summary>
    /// Subject <paramref name="subject"/> (1-based) in the raw form: one continuous session at
    /// <see cref="SyntheticDeapOptions.RawSampleRate"/> in DEAP's raw layout for that subject
    /// (<see cref="DeapRawLayout.Labels"/>), unreferenced, with mains, electrode offsets and the Status channel of
    /// DEAP's protocol (<see cref="DeapStatusCode"/>), trials in presentation order. About 60 minutes with the
    /// default timings: some 340 MB of float samples.
    /// </summary>
    public RawSession GenerateRawSession(int subject) => RawSessionSynthesizer.Generate(Plan(subject), Source(subject));

    /// <summary>
    /// Subject <paramref name="subject"/>'s rows of participant_ratings.csv, in presentation order: the same
    /// ratings as <see cref="GenerateSubject"/> and the video start times of <see cref="GenerateRawSession"/>.
    /// Cheap: no signal is generated.
    /// </summary>
    public IReadOnlyList<ParticipantRatingRow> ParticipantRatings(int subject)
    {
        var plan = Plan(subject);
        var timeline = SessionTimeline.Build(plan, Options.RawSampleRate);
        return timeline.Trials.Select(w => new ParticipantRatingRow(subject, w.Trial.PresentationTrial, w.Trial.ExperimentId,
            timeline.StartTimeMicroseconds(w), w.Trial.Ratings.Valence, w.Trial.Ratings.Arousal, w.Trial.Ratings.Dominance,
            w.Trial.Ratings.Liking, w.Trial.Familiarity)).ToArray();
    }

    private SubjectPlan Plan(int subject)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subject, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subject, Options.SubjectCount);
        return SubjectPlan.Create(Options, subject);
    }

    private string Source(int subject) => $"synthetic DEAP seed={Options.Seed} subject={subject}";
}
