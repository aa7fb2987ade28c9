using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;
using Valence.Eeg.Preprocessing;
using Valence.Eeg.Preprocessing.Settings;
using Valence.Eeg.Recordings;
using Valence.Eeg.Synthetic;

namespace Valence.Emotion.Experiments;

/// <summary>
/// Reads an experiment's recordings one subject at a time and preprocesses each (through the preprocessed cache when
/// one is set): a folder is surveyed first and every missing or unreadable subject named at once; the first
/// preprocessed recording is handed to a check before the others are read, so settings that do not fit the data
/// fail in seconds.
/// </summary>
public static class ExperimentData
{
    /// <summary>The preprocessed trials of every chosen subject, and the form they were read in.</summary>
    /// <param name="checkFirst">Called with the first preprocessed recording, before any other is read; throws to stop.</param>
    /// <exception cref="DataProblemsException">Subjects of the folder are missing or unreadable.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="EegFormatException">The folder holds no DEAP files, or a file is corrupt (named with its place).</exception>
    public static (TrialSet Trials, DeapFormat Format) Load(ExperimentSettings settings, IExperimentObserver observer, Action<SubjectRecording>? checkFirst = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(observer);
        var recordings = new List<SubjectRecording>();
        var source = Of(settings);
        int total = source.Subjects.Count;
        foreach (int subject in source.Subjects)
        {
            cancellation.ThrowIfCancellationRequested();
            var (recording, outcome) = source.Read(subject);
            if (recordings.Count == 0) checkFirst?.Invoke(recording);
            recordings.Add(recording);
            observer.SubjectReady(subject, recordings.Count, total, outcome);
        }
        return (new TrialSet(recordings), source.Format);
    }

    /// <summary>
    /// Preprocesses every chosen subject of a folder into the preprocessed cache without keeping them in memory, so
    /// that later runs with the same settings read the cache; returns what was done to each.
    /// </summary>
    /// <exception cref="ArgumentException">No cache folder is set, or the settings are not for a folder.</exception>
    /// <exception cref="DataProblemsException">Subjects of the folder are missing or unreadable.</exception>
    public static IReadOnlyList<PreparedSubject> Prepare(ExperimentSettings settings, IExperimentObserver observer, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(observer);
        if (settings.Data.CacheFolder is null || settings.Data.Folder is null)
            throw new ArgumentException("Preprocessing ahead of time needs a data folder and a cache folder to keep the results in.");
        var source = Folder(settings.Data, settings.Preprocessing);
        var prepared = new List<PreparedSubject>();
        foreach (int subject in source.Subjects)
        {
            cancellation.ThrowIfCancellationRequested();
            var (r, outcome) = source.Read(subject);
            prepared.Add(new PreparedSubject(subject, outcome!.Value, r.TrialCount, r.ChannelCount, r.SamplesPerTrial, r.SampleRate));
            observer.SubjectReady(subject, prepared.Count, source.Subjects.Count, outcome);
        }
        return prepared;
    }

    private static Source Of(ExperimentSettings settings)
    {
        var data = settings.Data;
        return data.Synthetic is { } synthetic ? Synthetic(synthetic, data.Subjects) : Folder(data, settings.Preprocessing);

        Source Synthetic(SyntheticDataSettings synthetic, IReadOnlyList<int>? subjects)
        {
            // The generator makes DEAP's preprocessed form.
            var generator = new SyntheticDeapGenerator(synthetic.ToOptions());
            var preprocess = new Preprocessor(settings.Preprocessing.Pipeline(DeapFormat.PreprocessedPython));
            int[] chosen = subjects is { Count: > 0 } ? [.. subjects.Order()] : [.. Enumerable.Range(1, synthetic.Subjects)];
            return new Source(chosen, DeapFormat.PreprocessedPython, s => (preprocess.Apply(generator.GenerateSubject(s)), null));
        }
    }

    /// <summary>The canonical text of everything a preprocessed recording depends on besides its input files, for cache keys.</summary>
    public static string CacheSettings(ExperimentPreprocessing preprocessing, DeapFormat format)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        return $"format={format};pipeline={preprocessing.Pipeline(format).ToCanonicalJson()}";
    }

    /// <summary>Opens the folder and surveys it: every chosen subject present and readable, or all problems at once.</summary>
    /// <exception cref="DataProblemsException">Chosen subjects are missing or unreadable.</exception>
    public static (DeapFolder Folder, int[] Subjects) OpenFolder(DataSettings data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var folder = DeapFolder.Open(data.Folder ?? throw new ArgumentException("data.folder is not set."), data.Format, data.RawTrials);
        var survey = folder.Survey().ToDictionary(s => s.Subject);
        int[] chosen = data.Subjects is { Count: > 0 } subjects ? [.. subjects.Order()] : [.. survey.Keys.Order()];
        var problems = chosen
            .Select(s => survey.TryGetValue(s, out var status) ? status
                : new DeapSubjectStatus(s, Path.Combine(folder.Location, folder.SubjectFileName(s)), "missing"))
            .Where(s => !s.IsReadable)
            .ToArray();
        if (problems.Length > 0) throw new DataProblemsException(folder.Location, problems);
        return (folder, chosen);
    }

    private static Source Folder(DataSettings data, ExperimentPreprocessing preprocessing)
    {
        var (folder, chosen) = OpenFolder(data);
        var preprocess = new Preprocessor(preprocessing.Pipeline(folder.Format));
        if (data.CacheFolder is null)
            return new Source(chosen, folder.Format, s => (preprocess.Apply(folder.Read(s)), null));
        var cache = new PreprocessedCache(data.CacheFolder);
        string key = CacheSettings(preprocessing, folder.Format);
        return new Source(chosen, folder.Format, s =>
        {
            string[] inputs = folder.RatingsPath is { } ratings ? [folder.FileOf(s), ratings] : [folder.FileOf(s)];
            var cached = cache.GetOrCreate(inputs, key, () => preprocess.Apply(folder.Read(s)));
            return (cached.Recording, cached.Outcome);
        });
    }

    /// <summary>
    /// The preprocessing seam: the pipeline is built (every setting checked) for the first recording it meets and
    /// applied to every recording; one that differs from the first (rate, channels, trial length) is refused.
    /// </summary>
    private sealed class Preprocessor(PreprocessingSettings settings)
    {
        private PreprocessingPipeline? _pipeline;

        public SubjectRecording Apply(SubjectRecording recording) =>
            (_pipeline ??= settings.Build(SignalDescription.Of(recording))).Apply(recording);
    }

    private sealed record Source(IReadOnlyList<int> Subjects, DeapFormat Format, Func<int, (SubjectRecording, CacheOutcome?)> Read);
}
