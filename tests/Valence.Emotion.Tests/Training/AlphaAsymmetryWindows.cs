using Valence.Nn.Initialization;

namespace Valence.Emotion.Tests.Training;

/// <summary>
/// A small learnable task like the valence/arousal quadrants: four classes defined by whether alpha (8.5–12 Hz)
/// power is high or low over the left channels (bit 1) and over the right channels (bit 0), in white noise.
/// </summary>
public static class AlphaAsymmetryWindows
{
    public const double SampleRate = 128;

    /// <summary>Windows of <paramref name="channels"/> (the first half "left") and <paramref name="samples"/>, classes cycling 0, 1, 2, 3.</summary>
    public static InMemoryWindows Create(int count, int channels = 4, int samples = 128, ulong seed = 1)
    {
        var rng = new Rng(seed);
        var data = new float[count * channels * samples];
        var labels = new int[count];
        for (int w = 0; w < count; w++)
        {
            int label = w % 4;
            labels[w] = label;
            double frequency = rng.NextUniform(8.5f, 12f);
            for (int c = 0; c < channels; c++)
            {
                bool left = c < channels / 2;
                bool high = left ? (label & 2) != 0 : (label & 1) != 0;
                double amplitude = high ? 1.5 : 0.3, phase = rng.NextUniform(0, 2 * MathF.PI);
                var row = data.AsSpan((w * channels + c) * samples, samples);
                for (int t = 0; t < samples; t++)
                    row[t] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * t / SampleRate + phase) + rng.NextGaussian());
            }
        }
        return new InMemoryWindows(data, labels, channels, samples, classCount: 4);
    }

    /// <summary>The indices [start, start + count).</summary>
    public static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();
}
