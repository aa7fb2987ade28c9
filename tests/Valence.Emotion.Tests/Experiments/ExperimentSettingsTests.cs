using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;
using Valence.Eeg.Preprocessing.Settings;
using Valence.Eeg.Protocols;
using Valence.Emotion.Experiments;
using Valence.Emotion.Models;
using Valence.Emotion.Training;

namespace Valence.Emotion.Tests.Experiments;

public class ExperimentSettingsTests
{
    /// <summary>Settings with a value other than the default in every part.</summary>
    private static ExperimentSettings Unusual() => new()
    {
        Data = new DataSettings { Folder = "/data/deap", Format = DeapFormat.PreprocessedMatlab, Subjects = [2, 5, 7], CacheFolder = "/cache" },
        Preprocessing = new ExperimentPreprocessing { Channels = ChannelSet.Of("Fp1", "Fp2", "O1"), Baseline = BaselineHandling.RemoveChunkTemplate, Raw = PreprocessingSettings.Deap with { Steps = [new BandPassSettings()] } },
        Windows = new WindowingSettings { LengthSeconds = 4, StrideSeconds = 0.5, IncludeBaseline = true },
        Labels = new LabelSettings { Target = LabelTarget.Valence, Threshold = 4.5, Tie = ThresholdTie.EqualIsLow },
        Normalization = new NormalizationSettings { Method = NormalizationMethod.ZScoreThenMinMax, Bounds = MinMaxBounds.Extremes, LowerPercentile = 2, UpperPercentile = 97, Clip = false, Range = OutputRange.Centred },
        Protocol = new ProtocolSettings { Name = "kfold", ValidationRatio = 0.2, Folds = 4, Scope = FoldScope.Pooled, Seed = 9 },
        Model = new ModelChoice("cnn-gru", new CnnRecurrentSettings(filters: 8, hiddenSize: 12, dropout: 0.25f)),
        Training = new TrainingSettings
        {
            Optimizer = OptimizerKind.AdamW, LearningRate = 3e-4, WeightDecay = 0.01, BatchSize = 16, Epochs = 7, Schedule = new StepSchedule(3, 0.5),
            ClassWeights = new ExplicitClassWeights([1f, 2f]), GradientClipNorm = 1.5, Seed = 42, EarlyStopping = new EarlyStoppingSettings(3), Shuffle = false,
        },
    };

    [Fact]
    public void Round_trips_through_JSON_with_every_part_changed()
    {
        var settings = Unusual();
        string json = settings.ToJson();

        var back = ExperimentSettings.FromJson(json);

        Assert.Equal(json, back.ToJson());
        Assert.Equal(settings.Windows, back.Windows);
        Assert.Equal(settings.Labels, back.Labels);
        Assert.Equal(settings.Normalization, back.Normalization);
        Assert.Equal(settings.Protocol, back.Protocol);
        Assert.Equal(settings.Preprocessing, back.Preprocessing);
        Assert.Equal(settings.Model, back.Model);
        Assert.Equal(settings.Training, back.Training);
        Assert.Equal([2, 5, 7], back.Data.Subjects);
        Assert.Equal(DeapFormat.PreprocessedMatlab, back.Data.Format);
    }

    [Fact]
    public void Missing_fields_take_their_defaults_and_partial_model_settings_the_presets()
    {
        var settings = ExperimentSettings.FromJson("""{"data": {"folder": "d"}, "model": {"preset": "cnn-lstm", "settings": {"hiddenSize": 32}}}""");

        Assert.Equal(new WindowingSettings(), settings.Windows);
        Assert.Equal(new TrainingSettings(), settings.Training);
        Assert.Equal(new CnnRecurrentSettings(hiddenSize: 32), settings.Model.Settings);
        Assert.Equal("trial-holdout", settings.Protocol.Name);
    }

    [Theory]
    [InlineData("""{"data": {"folder": "d"}, "windowz": {}}""", "windowz")]
    [InlineData("""{"data": {"folder": "d"}, "training": {"epochs": 0}}""", "Epochs")]
    [InlineData("""{"data": {"folder": "d"}, "model": {"preset": "resnet"}}""", "resnet")]
    [InlineData("""{"data": {"folder": "d"}, "model": {"preset": "cnn-lstm", "settings": {"hidden": 3}}}""", "hidden")]
    [InlineData("""{"data": {"folder": "d"}, "protocol": {"name": "random"}}""", "random")]
    [InlineData("""{"data": {"folder": "d"}, "windows": {"strideSeconds": -1}}""", "strideSeconds")]
    public void Refuses_unknown_fields_and_bad_values_naming_them(string json, string named)
    {
        var e = Assert.Throws<FormatException>(() => ExperimentSettings.FromJson(json));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void Validation_refuses_missing_or_double_data_and_contradictions_before_any_data_is_read()
    {
        Assert.Contains("data.folder", Assert.Throws<ArgumentException>(() => new ExperimentSettings().Validate()).Message);
        var both = new ExperimentSettings { Data = new DataSettings { Folder = "d", Synthetic = new SyntheticDataSettings() } };
        Assert.Contains("not both", Assert.Throws<ArgumentException>(both.Validate).Message);
        var noValidation = new ExperimentSettings
        {
            Data = new DataSettings { Folder = "d" },
            Protocol = new ProtocolSettings { ValidationRatio = 0 },
            Training = new TrainingSettings { EarlyStopping = new EarlyStoppingSettings(2) },
        };
        Assert.Contains("validationRatio", Assert.Throws<ArgumentException>(noValidation.Validate).Message);
        var badRatio = new ExperimentSettings { Data = new DataSettings { Folder = "d" }, Protocol = new ProtocolSettings { TestRatio = 0.95 } };
        Assert.ThrowsAny<ArgumentException>(badRatio.Validate);
        var foldsWithTest = new ExperimentSettings { Data = new DataSettings { Folder = "d" }, Protocol = new ProtocolSettings { Name = "kfold", TestRatio = 0.2 } };
        Assert.Contains("testRatio", Assert.Throws<ArgumentException>(foldsWithTest.Validate).Message);
    }

    [Fact]
    public void The_normalisation_defaults_are_the_normalisers()
    {
        Assert.Equal(NormalizerSettings.Default, new NormalizationSettings().ToNormalizerSettings());
        Assert.Equal(NormalizerSettings.Paper, NormalizationSettings.From(NormalizerSettings.Paper).ToNormalizerSettings());
    }
}
