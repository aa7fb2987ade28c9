using Valence.Emotion.Models;
using Valence.Emotion.Training;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Tests.Training;

public class TrainerStepTests
{
    public static TheoryData<string> Presets() => ["cnn-lstm", "cnn-gru", "tcn", "gru", "bandpower"];

    [Theory]
    [MemberData(nameof(Presets))]
    public void A_training_step_allocates_nothing_in_steady_state(string preset)
    {
        // 100 windows in batches of 16: six full batches and a last one of 4, so batch sizes change within epochs.
        var windows = AlphaAsymmetryWindows.Create(100, samples: 64);
        var settings = new ModelSpec(preset, 4, 64, AlphaAsymmetryWindows.SampleRate, 4, preset switch
        {
            "cnn-lstm" or "cnn-gru" => new CnnRecurrentSettings(filters: 8, hiddenSize: 8, denseUnits: 8, dropout: 0.3f),
            "tcn" => new TcnSettings(filters: 8, dilations: [1, 2], dropout: 0.2f),
            "gru" => new RecurrentSettings(hiddenSize: 8, layers: 2),
            _ => null,
        });
        const int Epochs = 5, StepsPerEpoch = 7;
        var allocated = new long[Epochs * StepsPerEpoch];
        int calls = 0;
        var trainer = new Trainer(new TrainingSettings { Epochs = Epochs, BatchSize = 16, GradientClipNorm = 1, ClassWeights = new BalancedClassWeights() })
        {
            BatchProgress = new AllocationRecorder(allocated, () => calls++),
        };

        trainer.Train(settings.Build(), new TrainingData(windows, AlphaAsymmetryWindows.Range(0, 100)));

        Assert.Equal(Epochs * StepsPerEpoch, calls);
        // Between the reports of consecutive steps (load, forward, loss, backward, clip, step), from epoch 2 on. The
        // runtime's tiered JIT allocates a little now and then when it promotes a method; what our code allocates
        // happens at the same step of every epoch, so each step position must be allocation-free in some epoch.
        for (int position = 1; position < StepsPerEpoch; position++)
        {
            long fewest = long.MaxValue;
            for (int epoch = 1; epoch < Epochs; epoch++)
            {
                int step = epoch * StepsPerEpoch + position;
                fewest = Math.Min(fewest, allocated[step] - allocated[step - 1]);
            }
            Assert.True(fewest == 0, $"step {position} of every epoch allocates at least {fewest} bytes");
        }
    }

    [Fact]
    public void Predictions_are_the_models_logits_and_their_argmax_in_the_order_asked()
    {
        var windows = AlphaAsymmetryWindows.Create(40, samples: 64);
        var spec = new ModelSpec("cnn-gru", 4, 64, AlphaAsymmetryWindows.SampleRate, 4, new CnnRecurrentSettings(filters: 8, hiddenSize: 8, denseUnits: 8));
        var model = spec.Build();
        model.Initialize(new Valence.Nn.Initialization.Rng(3));
        int[] indices = [7, 3, 39, 0, 12, 25, 8];

        var predictions = WindowPredictor.Predict(model, windows, indices, batchSize: 3);

        using var all = new Tensor(indices.Length, 4, 64);
        windows.CopyBatch(indices, all.Span);
        var expected = model.Forward(all, training: false).ReadOnlySpan.ToArray();
        Assert.Equal(indices.Length, predictions.Count);
        for (int i = 0; i < indices.Length; i++)
        {
            for (int c = 0; c < 4; c++) Assert.Equal(expected[i * 4 + c], predictions.LogitsOf(i)[c], 5);
            Assert.Equal(predictions.LogitsOf(i).IndexOf(TensorPrimitivesMax(predictions.LogitsOf(i))), predictions.Classes[i]);
        }
    }

    [Fact]
    public void Bandpower_standardisation_is_fitted_on_the_training_windows_only()
    {
        var windows = AlphaAsymmetryWindows.Create(60, samples: 128);
        var spec = new ModelSpec("bandpower", 4, 128, AlphaAsymmetryWindows.SampleRate, 4);
        int[] train = AlphaAsymmetryWindows.Range(0, 40);
        var result = new Trainer(new TrainingSettings { Epochs = 1, BatchSize = 16 })
            .Train(spec.Build(), new TrainingData(windows, train, AlphaAsymmetryWindows.Range(40, 20)));

        var features = new BandPowerFeatures("bp", ((BandPowerSettings)spec.Settings).FeatureOptions(spec));
        using var x = new Tensor(train.Length, 4, 128);
        windows.CopyBatch(train, x.Span);
        var f = features.Forward(x, training: false).ReadOnlySpan;
        var standardizer = (FeatureStandardizer)result.Model.Children[1];
        for (int feature = 0; feature < 16; feature++)
        {
            double mean = 0;
            for (int w = 0; w < train.Length; w++) mean += f[w * 16 + feature];
            Assert.Equal(mean / train.Length, standardizer.Mean[feature], 4);
        }
    }

    [Fact]
    public void A_model_that_does_not_fit_the_data_or_an_overlapping_split_is_refused()
    {
        var windows = AlphaAsymmetryWindows.Create(20, samples: 64);
        var trainer = new Trainer(new TrainingSettings { Epochs = 1 });
        var threeClasses = new ModelSpec("bandpower", 4, 64, AlphaAsymmetryWindows.SampleRate, 3).Build();
        var classes = Assert.Throws<ArgumentException>(() => trainer.Train(threeClasses, new TrainingData(windows, [0, 1, 2])));
        Assert.Contains("the data set has 4 classes", classes.Message);
        var channels = new ModelSpec("bandpower", 6, 64, AlphaAsymmetryWindows.SampleRate, 4).Build();
        Assert.Throws<ShapeException>(() => trainer.Train(channels, new TrainingData(windows, [0, 1, 2])));

        var overlap = Assert.Throws<ArgumentException>(() => new TrainingData(windows, [0, 1, 2], [2, 3]));
        Assert.Contains("Window 2 is listed twice", overlap.Message);
        var outside = Assert.Throws<ArgumentException>(() => new TrainingData(windows, [0, 20]));
        Assert.Contains("index 20 is outside the data set's 20 windows", outside.Message);
    }

    private static float TensorPrimitivesMax(ReadOnlySpan<float> values) => System.Numerics.Tensors.TensorPrimitives.Max(values);

    /// <summary>Records the thread's allocated bytes at every report, into an array made beforehand.</summary>
    private sealed class AllocationRecorder(long[] allocated, Action counted) : IProgress<BatchReport>
    {
        public void Report(BatchReport value)
        {
            allocated[(value.Epoch - 1) * value.BatchCount + value.Batch - 1] = GC.GetAllocatedBytesForCurrentThread();
            counted();
        }
    }
}
