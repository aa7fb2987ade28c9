using System.CommandLine;
using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;
using Valence.Eeg.Preprocessing.Settings;
using Valence.Eeg.Protocols;
using Valence.Emotion.Experiments;
using Valence.Emotion.Models;
using Valence.Emotion.Training;
using static Valence.Cli.Commands.OptionValues;

namespace Valence.Cli.Commands;

/// <summary>
/// Every setting of an experiment as a command-line option, each with its documented default (taken from
/// <see cref="ExperimentSettings"/>'s defaults, so there is one source of them). With <c>--settings FILE</c>, the
/// file's settings are the start and only options given on the command line change them.
/// </summary>
internal sealed class ExperimentOptions
{
    public static readonly Choices<DeapFormat> Formats = new(("dat", DeapFormat.PreprocessedPython), ("mat", DeapFormat.PreprocessedMatlab), ("bdf", DeapFormat.Raw));
    private static readonly Choices<LabelTarget> Targets = new(("quadrant", LabelTarget.Quadrant), ("valence", LabelTarget.Valence), ("arousal", LabelTarget.Arousal));
    private static readonly Choices<ThresholdTie> Ties = new(("high", ThresholdTie.EqualIsHigh), ("low", ThresholdTie.EqualIsLow));
    private static readonly Choices<NormalizationMethod> Methods = new(("zscore-minmax", NormalizationMethod.ZScoreThenMinMax), ("zscore", NormalizationMethod.ZScore), ("none", NormalizationMethod.None));
    private static readonly Choices<MinMaxBounds> BoundsChoices = new(("percentiles", MinMaxBounds.Percentiles), ("extremes", MinMaxBounds.Extremes));
    private static readonly Choices<OutputRange> Ranges = new(("zero-one", OutputRange.ZeroToOne), ("minus-one-one", OutputRange.MinusOneToOne), ("centred", OutputRange.Centred));
    private static readonly Choices<BaselineHandling> Baselines = new(("remove-mean", BaselineHandling.RemoveMean), ("chunk-template", BaselineHandling.RemoveChunkTemplate), ("keep", BaselineHandling.Keep));
    private static readonly Choices<FoldScope> Scopes = new(("per-subject", FoldScope.PerSubject), ("pooled", FoldScope.Pooled));
    private static readonly Choices<OptimizerKind> Optimizers = new(("adam", OptimizerKind.Adam), ("adamw", OptimizerKind.AdamW), ("sgd", OptimizerKind.Sgd));

    private static readonly ExperimentSettings Defaults = new();

    private readonly Option<FileInfo?> _settings = new("--settings") { Description = "Start from the experiment settings in this JSON file (a run folder's settings.json); options given on the command line change them. Default: none, every setting at its default." };
    private readonly Option<string?> _data = new("--data") { Description = "The DEAP folder (or one subject's file) in any form: sNN.dat, sNN.mat, or raw sNN.bdf with participant_ratings.csv; DEAP's download layout is found too. Required unless --settings gives it." };
    private readonly Option<string?> _format = new("--format") { Description = "The form to read when the folder holds several: dat, mat or bdf. Default: detected from the file names." };
    private readonly Option<int> _rawTrials = new("--raw-trials") { Description = "Trials per raw (bdf) recording.", DefaultValueFactory = _ => Defaults.Data.RawTrials.TrialCount };
    private readonly Option<double> _rawTrialSeconds = new("--raw-trial-seconds") { Description = "Seconds of each raw trial after its 3 s baseline.", DefaultValueFactory = _ => Defaults.Data.RawTrials.TrialSeconds };
    private readonly Option<string?> _subjects = new("--subjects") { Description = "The subjects to use, such as 1-8 or 1,3,5. Default: every subject in the folder (a gap in the numbering is reported as missing)." };
    private readonly Option<string?> _cache = new("--cache") { Description = "Folder for preprocessed recordings, so preprocessing runs once per input and settings. Default: <runs>/cache." };
    private readonly Option<bool> _noCache = new("--no-cache") { Description = "Do not use the preprocessed cache." };
    private readonly Option<string> _channels = new("--channels") { Description = "Channels kept: emotiv14 (the Emotiv EPOC's 14), eeg32, all, or names separated by commas.", DefaultValueFactory = _ => Defaults.Preprocessing.Channels.ToString() };
    private readonly Option<string> _baseline;
    private readonly Option<FileInfo?> _rawPreprocessing = new("--raw-preprocessing") { Description = "A JSON file of preprocessing steps for raw (bdf) recordings, run before channel selection and baseline handling. Default: DEAP's pipeline (resample to 128 Hz, EOG regression on EXG1–EXG4, band-pass 4–45 Hz, common average reference, the 32 EEG channels)." };
    private readonly Option<double> _window = new("--window") { Description = "Window length in seconds.", DefaultValueFactory = _ => Defaults.Windows.LengthSeconds };
    private readonly Option<double> _stride = new("--stride") { Description = "Seconds between window starts (less than --window: overlapping windows).", DefaultValueFactory = _ => Defaults.Windows.StrideSeconds };
    private readonly Option<bool> _includeBaseline = new("--include-baseline") { Description = "Let windows start in the pre-trial baseline (only with --baseline keep). Default: they do not." };
    private readonly Option<string> _target;
    private readonly Option<double> _threshold = new("--threshold") { Description = "Rating that separates low from high on the 1–9 scale.", DefaultValueFactory = _ => Defaults.Labels.Threshold };
    private readonly Option<string> _tie;
    private readonly Option<string> _normalization;
    private readonly Option<string> _bounds;
    private readonly Option<double> _lowerPercentile = new("--lower-percentile") { Description = "Lower bound's percentile for --bounds percentiles.", DefaultValueFactory = _ => Defaults.Normalization.LowerPercentile };
    private readonly Option<double> _upperPercentile = new("--upper-percentile") { Description = "Upper bound's percentile for --bounds percentiles.", DefaultValueFactory = _ => Defaults.Normalization.UpperPercentile };
    private readonly Option<bool> _clip = new("--clip") { Description = $"Clip min-max output to the range: --clip true or --clip false. Default: {(Defaults.Normalization.Clip ? "true" : "false")}.", DefaultValueFactory = _ => Defaults.Normalization.Clip };
    private readonly Option<string> _range;
    private readonly Option<string> _protocol = new("--protocol") { Description = "Evaluation protocol: paper (the paper's random window split; leaky), trial-holdout (whole trials held out per subject), kfold (folds of whole trials), loso (leave one subject out).", DefaultValueFactory = _ => Defaults.Protocol.Name };
    private readonly Option<double?> _testRatio = new("--test-ratio") { Description = "Fraction held out for test: windows for paper (default 0.1), each subject's trials for trial-holdout (default 0.2)." };
    private readonly Option<double> _validationRatio = new("--validation-ratio") { Description = "Fraction of the non-test windows (paper) or trials (others) kept for validation.", DefaultValueFactory = _ => Defaults.Protocol.ValidationRatio };
    private readonly Option<int> _folds = new("--folds") { Description = "Folds of kfold.", DefaultValueFactory = _ => Defaults.Protocol.Folds };
    private readonly Option<string> _foldScope;
    private readonly Option<int> _splitSeed = new("--split-seed") { Description = "Seed of the protocol's random split.", DefaultValueFactory = _ => Defaults.Protocol.Seed };
    private readonly Option<string> _model = new("--model") { Description = $"The model: {string.Join(", ", ModelPresets.Names)} (bandpower is the baseline).", DefaultValueFactory = _ => Defaults.Model.Preset };
    private readonly Option<string?> _modelSettings = new("--model-settings") { Description = "The model's sizes as JSON, e.g. '{\"hiddenSize\": 32}'; missing fields keep the preset's defaults (cnn-lstm/cnn-gru: filters 64, kernelSize 5, poolSize 2, hiddenSize 64, recurrentLayers 1, denseUnits 64, dropout 0.5)." };
    private readonly Option<int> _epochs = new("--epochs") { Description = "Most epochs to train (early stopping may end sooner).", DefaultValueFactory = _ => Defaults.Training.Epochs };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Windows per training step.", DefaultValueFactory = _ => Defaults.Training.BatchSize };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Learning rate of the first epoch.", DefaultValueFactory = _ => Defaults.Training.LearningRate };
    private readonly Option<string> _optimizer;
    private readonly Option<double> _weightDecay = new("--weight-decay") { Description = "Weight decay (L2 for adam and sgd, decoupled for adamw).", DefaultValueFactory = _ => Defaults.Training.WeightDecay };
    private readonly Option<double> _momentum = new("--momentum") { Description = "Momentum of sgd.", DefaultValueFactory = _ => Defaults.Training.Momentum };
    private readonly Option<string> _schedule = new("--schedule") { Description = "Learning-rate schedule: none, cosine (over all epochs), step:N (×0.1 every N epochs), plateau or plateau:P (×0.1 after P epochs without validation improvement; P defaults to 10).", DefaultValueFactory = _ => "none" };
    private readonly Option<string> _classWeights = new("--class-weights") { Description = "How the loss weighs classes: none, balanced (inverse class frequency), or one weight per class separated by commas.", DefaultValueFactory = _ => "none" };
    private readonly Option<double?> _clipNorm = new("--clip-norm") { Description = "Largest global gradient 2-norm before a step. Default: no clipping." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the initial weights, the epoch order and dropout.", DefaultValueFactory = _ => Defaults.Training.Seed };
    private readonly Option<int?> _earlyStopping = new("--early-stopping") { Description = "Stop after this many epochs without a lower validation loss, keeping the best weights. Default: train every epoch." };
    private readonly Option<bool> _noShuffle = new("--no-shuffle") { Description = "Visit the training windows in the same order every epoch. Default: a new seeded order each epoch." };

    public ExperimentOptions()
    {
        _baseline = Baselines.Option("--baseline", "Each trial's 3 s baseline: remove-mean (subtract its mean per channel, then drop it), chunk-template (TorchEEG's: subtract its average 1 s chunk from every 1 s chunk, then drop it) or keep.", Defaults.Preprocessing.Baseline);
        _target = Targets.Option("--target", "What the classes say: quadrant (LVLA, LVHA, HVLA, HVHA), valence (LV, HV) or arousal (LA, HA).", Defaults.Labels.Target);
        _tie = Ties.Option("--tie", "Where a rating equal to the threshold goes: high or low.", Defaults.Labels.Tie);
        _normalization = Methods.Option("--normalization", "Per-channel normalisation fitted on each fold's training windows: zscore-minmax, zscore or none.", Defaults.Normalization.Method);
        _bounds = BoundsChoices.Option("--bounds", "Where min-max takes its bounds: percentiles (robust to blinks) or extremes (the paper's).", Defaults.Normalization.Bounds);
        _range = Ranges.Option("--range", "The range min-max maps onto: zero-one (the paper's), minus-one-one or centred ([−0.5, 0.5]).", Defaults.Normalization.Range);
        _foldScope = Scopes.Option("--fold-scope", "kfold within each subject (per-subject) or over all subjects together (pooled).", Defaults.Protocol.Scope);
        _optimizer = Optimizers.Option("--optimizer", "The optimiser: adam, adamw or sgd.", Defaults.Training.Optimizer);
        _format.AcceptOnlyFromAmong(Formats.Names);
        _protocol.AcceptOnlyFromAmong([.. ProtocolSettings.Names, "paper-leaky"]);
        _model.AcceptOnlyFromAmong([.. ModelPresets.Names]);
    }

    /// <summary>The data options only (for preprocess).</summary>
    public IEnumerable<Option> DataOptions => [_settings, _data, _format, _rawTrials, _rawTrialSeconds, _subjects, _cache, _noCache, _channels, _baseline, _rawPreprocessing];

    /// <summary>Every option.</summary>
    public IEnumerable<Option> All =>
    [
        .. DataOptions, _window, _stride, _includeBaseline, _target, _threshold, _tie, _normalization, _bounds, _lowerPercentile, _upperPercentile,
        _clip, _range, _protocol, _testRatio, _validationRatio, _folds, _foldScope, _splitSeed, _model, _modelSettings, _epochs, _batchSize,
        _learningRate, _optimizer, _weightDecay, _momentum, _schedule, _classWeights, _clipNorm, _seed, _earlyStopping, _noShuffle,
    ];

    /// <summary>The settings the command line asks for.</summary>
    /// <param name="runsDirectory">Where the default cache lives (<c>runs/cache</c>).</param>
    /// <exception cref="UsageException">A value cannot be read (a subject list, class weights, model settings, a settings file).</exception>
    public ExperimentSettings Settings(ParseResult result, string runsDirectory)
    {
        var s = Start(result);
        s = s with { Data = DataPart(result, s.Data, runsDirectory), Preprocessing = PreprocessingPart(result, s.Preprocessing) };
        var windows = s.Windows;
        if (Given(result, _window, out double window)) windows = windows with { LengthSeconds = window };
        if (Given(result, _stride, out double stride)) windows = windows with { StrideSeconds = stride };
        if (Given(result, _includeBaseline, out bool include)) windows = windows with { IncludeBaseline = include };
        var labels = s.Labels;
        if (Given(result, _target, out string target)) labels = labels with { Target = Targets.ValueOf(target) };
        if (Given(result, _threshold, out double threshold)) labels = labels with { Threshold = threshold };
        if (Given(result, _tie, out string tie)) labels = labels with { Tie = Ties.ValueOf(tie) };
        return s with { Windows = windows, Labels = labels, Normalization = NormalizationPart(result, s.Normalization), Protocol = ProtocolPart(result, s.Protocol),
            Model = ModelPart(result, s.Model), Training = TrainingPart(result, s.Training) };
    }

    private ExperimentSettings Start(ParseResult result)
    {
        if (result.GetValue(_settings) is not { } file) return new ExperimentSettings();
        if (!file.Exists) throw new UsageException($"--settings: {file.FullName} does not exist.");
        try
        {
            return ExperimentSettings.FromJson(File.ReadAllText(file.FullName));
        }
        catch (FormatException e)
        {
            throw new UsageException($"--settings {file.FullName}: {e.Message}");
        }
    }

    private DataSettings DataPart(ParseResult result, DataSettings data, string runsDirectory)
    {
        if (Given(result, _data, out string? folder)) data = data with { Folder = folder, Synthetic = null };
        if (Given(result, _format, out string? format)) data = data with { Format = Formats.ValueOf(format!) };
        if (Given(result, _rawTrials, out int rawTrials)) data = data with { RawTrials = data.RawTrials with { TrialCount = rawTrials } };
        if (Given(result, _rawTrialSeconds, out double rawSeconds)) data = data with { RawTrials = data.RawTrials with { TrialSeconds = rawSeconds } };
        if (Given(result, _subjects, out string? subjects)) data = data with { Subjects = Subjects(subjects!, "--subjects") };
        if (Given(result, _cache, out string? cache)) data = data with { CacheFolder = cache };
        else if (result.GetResult(_settings) is null) data = data with { CacheFolder = Path.Combine(runsDirectory, "cache") };
        if (result.GetValue(_noCache)) data = data with { CacheFolder = null };
        return data;
    }

    private ExperimentPreprocessing PreprocessingPart(ParseResult result, ExperimentPreprocessing preprocessing)
    {
        if (Given(result, _channels, out string channels))
        {
            string[] names = channels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            preprocessing = preprocessing with { Channels = names.Length == 1 && ChannelSet.PresetNames.Contains(names[0].ToLowerInvariant()) ? ChannelSet.FromPreset(names[0]) : ChannelSet.Of(names) };
        }
        if (Given(result, _baseline, out string baseline)) preprocessing = preprocessing with { Baseline = Baselines.ValueOf(baseline) };
        if (Given(result, _rawPreprocessing, out FileInfo? raw))
        {
            try
            {
                preprocessing = preprocessing with { Raw = PreprocessingSettings.FromJson(File.ReadAllText(raw!.FullName)) };
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
            {
                throw new UsageException($"--raw-preprocessing {raw!.FullName}: {e.Message}");
            }
        }
        return preprocessing;
    }

    private NormalizationSettings NormalizationPart(ParseResult result, NormalizationSettings n)
    {
        if (Given(result, _normalization, out string method)) n = n with { Method = Methods.ValueOf(method) };
        if (Given(result, _bounds, out string bounds)) n = n with { Bounds = BoundsChoices.ValueOf(bounds) };
        if (Given(result, _lowerPercentile, out double lower)) n = n with { LowerPercentile = lower };
        if (Given(result, _upperPercentile, out double upper)) n = n with { UpperPercentile = upper };
        if (Given(result, _clip, out bool clip)) n = n with { Clip = clip };
        if (Given(result, _range, out string range)) n = n with { Range = Ranges.ValueOf(range) };
        return n;
    }

    private ProtocolSettings ProtocolPart(ParseResult result, ProtocolSettings p)
    {
        if (Given(result, _protocol, out string name)) p = p with { Name = name };
        if (Given(result, _testRatio, out double? test)) p = p with { TestRatio = test };
        if (Given(result, _validationRatio, out double validation)) p = p with { ValidationRatio = validation };
        if (Given(result, _folds, out int folds)) p = p with { Folds = folds };
        if (Given(result, _foldScope, out string scope)) p = p with { Scope = Scopes.ValueOf(scope) };
        if (Given(result, _splitSeed, out int seed)) p = p with { Seed = seed };
        return p;
    }

    private ModelChoice ModelPart(ParseResult result, ModelChoice model)
    {
        bool presetGiven = Given(result, _model, out string preset);
        bool settingsGiven = Given(result, _modelSettings, out string? json);
        if (!presetGiven && !settingsGiven) return model;
        if (!presetGiven) preset = model.Preset;
        if (!settingsGiven) return preset == model.Preset ? model : new ModelChoice(preset);
        try
        {
            // The spec reader resolves the settings by the preset's type; the window shape here is a placeholder.
            var spec = ModelSpec.FromJson($"{{\"preset\": \"{preset}\", \"channels\": 1, \"samples\": 1024, \"sampleRate\": 128, \"classes\": 2, \"settings\": {json}}}");
            return new ModelChoice(preset, spec.Settings);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--model-settings: {e.Message}");
        }
    }

    private TrainingSettings TrainingPart(ParseResult result, TrainingSettings t)
    {
        if (Given(result, _epochs, out int epochs)) t = t with { Epochs = epochs };
        if (Given(result, _batchSize, out int batch)) t = t with { BatchSize = batch };
        if (Given(result, _learningRate, out double rate)) t = t with { LearningRate = rate };
        if (Given(result, _optimizer, out string optimizer)) t = t with { Optimizer = Optimizers.ValueOf(optimizer) };
        if (Given(result, _weightDecay, out double decay)) t = t with { WeightDecay = decay };
        if (Given(result, _momentum, out double momentum)) t = t with { Momentum = momentum };
        if (Given(result, _schedule, out string schedule)) t = t with { Schedule = Schedule(schedule, t.Epochs) };
        if (Given(result, _classWeights, out string weights)) t = t with { ClassWeights = ClassWeights(weights) };
        if (Given(result, _clipNorm, out double? clip)) t = t with { GradientClipNorm = clip };
        if (Given(result, _seed, out ulong seed)) t = t with { Seed = seed };
        if (Given(result, _earlyStopping, out int? patience)) t = t with { EarlyStopping = patience is int p ? new EarlyStoppingSettings(p) : null };
        if (Given(result, _noShuffle, out bool noShuffle)) t = t with { Shuffle = !noShuffle };
        return t;
    }

    private static LearningRateScheduleSettings? Schedule(string text, int epochs)
    {
        string[] parts = text.Split(':');
        int? number = parts.Length == 2 && int.TryParse(parts[1], out int n) ? n : null;
        return (parts[0], parts.Length, number) switch
        {
            ("none", 1, _) => null,
            ("cosine", 1, _) => new CosineSchedule(epochs),
            ("step", 2, int size) => new StepSchedule(size),
            ("plateau", 1, _) => new PlateauSchedule(),
            ("plateau", 2, int patience) => new PlateauSchedule(patience: patience),
            _ => throw new UsageException($"--schedule '{text}' is not none, cosine, step:N, plateau or plateau:P."),
        };
    }

    private static ClassWeighting? ClassWeights(string text) => text switch
    {
        "none" => null,
        "balanced" => new BalancedClassWeights(),
        _ => new ExplicitClassWeights(Numbers(text, "--class-weights")),
    };
}
