using Valence.Emotion.Models;
using Valence.Emotion.Training;

namespace Valence.Emotion.Tests.Training;

public class TrainerLearningTests
{
    public static TheoryData<string> Presets() => ["cnn-lstm", "cnn-gru", "bandpower"];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Scores_far_above_chance_on_held_out_windows(string preset)
    {
        var windows = AlphaAsymmetryWindows.Create(640);
        var spec = new ModelSpec(preset, 4, 128, AlphaAsymmetryWindows.SampleRate, 4, SmallSettings(preset));
        var trainer = new Trainer(new TrainingSettings { Epochs = 8, BatchSize = 32, LearningRate = preset == "bandpower" ? 3e-2 : 3e-3, Seed = 7 });
        var data = new TrainingData(windows, AlphaAsymmetryWindows.Range(0, 384), AlphaAsymmetryWindows.Range(384, 128));

        var result = trainer.Train(spec.Build(), data);

        var test = AlphaAsymmetryWindows.Range(512, 128);
        var predictions = WindowPredictor.Predict(result.Model, windows, test);
        int correct = 0;
        for (int i = 0; i < test.Length; i++)
            if (predictions.Classes[i] == windows.Label(test[i])) correct++;
        double accuracy = (double)correct / test.Length;
        Assert.True(accuracy >= 0.85, $"{preset}: held-out accuracy {accuracy:P1} (chance 25%); history: {string.Join("; ", result.History.Select(h => $"{h.TrainLoss:F3}/{h.ValidationLoss:F3}"))}");
        Assert.Equal(8, result.History.Count);
    }

    [Theory]
    [InlineData("cnn-lstm")]
    [InlineData("cnn-gru")]
    public void The_paper_models_default_sizes_learn_two_second_windows_of_14_channels(string preset)
    {
        var windows = AlphaAsymmetryWindows.Create(512, channels: 14, samples: 256);
        var spec = new ModelSpec(preset, 14, 256, AlphaAsymmetryWindows.SampleRate, 4);
        var data = new TrainingData(windows, AlphaAsymmetryWindows.Range(0, 384));

        var result = new Trainer(new TrainingSettings { Epochs = 7 }).Train(spec.Build(), data);

        var test = AlphaAsymmetryWindows.Range(384, 128);
        var predictions = WindowPredictor.Predict(result.Model, windows, test);
        double accuracy = test.Select((w, i) => predictions.Classes[i] == windows.Label(w) ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.85, $"{preset} with default sizes and training settings: held-out accuracy {accuracy:P1} after 7 epochs");
    }

    /// <summary>Small sizes that learn the task in a second (a linear classifier on standardised features takes a larger learning rate).</summary>
    public static ModelSettings? SmallSettings(string preset) => preset switch
    {
        "cnn-lstm" or "cnn-gru" => new CnnRecurrentSettings(filters: 16, kernelSize: 5, poolSize: 4, hiddenSize: 16, denseUnits: 32, dropout: 0.2f),
        _ => null,
    };
}
