using System.Text.Json;
using Valence.Emotion.Training;

namespace Valence.Emotion.Tests.Training;

public class ClassWeightingTests
{
    [Fact]
    public void Balanced_weights_are_samples_over_classes_times_count()
    {
        // Counts 6, 3, 2, 1 of n = 12 over k = 4 classes: 12/24, 12/12, 12/8, 12/4.
        int[] labels = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3];
        Assert.Equal([0.5f, 1f, 1.5f, 3f], new BalancedClassWeights().Resolve(labels, 4));
    }

    [Fact]
    public void Balanced_weights_refuse_a_class_without_training_windows()
    {
        var e = Assert.Throws<ArgumentException>(() => new BalancedClassWeights().Resolve([0, 1, 1, 3], 4));
        Assert.Contains("class 2 has no training window", e.Message);
    }

    [Fact]
    public void Explicit_weights_must_match_the_classes()
    {
        Assert.Equal([1f, 2f], new ExplicitClassWeights([1f, 2f]).Resolve([0, 1], 2));
        var e = Assert.Throws<ArgumentException>(() => new ExplicitClassWeights([1f, 2f]).Resolve([0, 1, 2], 3));
        Assert.Contains("2 class weights for 3 classes", e.Message);
        Assert.Throws<ArgumentException>(() => new ExplicitClassWeights([1f, -2f]));
    }

    [Fact]
    public void Settings_round_trip_through_json_with_their_kinds()
    {
        var settings = new TrainingSettings
        {
            Optimizer = OptimizerKind.AdamW,
            WeightDecay = 0.01,
            Schedule = new CosineSchedule(20, 1e-5),
            ClassWeights = new ExplicitClassWeights([1f, 2.5f]),
            GradientClipNorm = 5,
            EarlyStopping = new EarlyStoppingSettings(patience: 7, minimumDelta: 1e-3),
            Seed = 42,
        };
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        string json = JsonSerializer.Serialize(settings, options);
        Assert.Contains("\"kind\":\"cosine\"", json);
        Assert.Contains("\"kind\":\"explicit\"", json);
        var read = JsonSerializer.Deserialize<TrainingSettings>(json, options)!;
        Assert.Equal(json, JsonSerializer.Serialize(read, options));
        Assert.Equal(settings, read);
    }

    [Fact]
    public void Invalid_settings_name_the_setting()
    {
        Assert.Contains("BatchSize must be at least 1", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingSettings { BatchSize = 0 }).Message);
        Assert.Contains("LearningRate must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingSettings { LearningRate = double.NaN }).Message);
        Assert.Contains("factor must be in (0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauSchedule(factor: 1)).Message);
        Assert.Contains("patience", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStoppingSettings(0)).Message);
    }
}
