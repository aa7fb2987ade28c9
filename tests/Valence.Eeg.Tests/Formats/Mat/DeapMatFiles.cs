using Valence.Eeg.Formats.Mat;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Formats.Mat;

/// <summary>Recordings with values from a formula, and MAT-files written from them in memory.</summary>
internal static class DeapMatFiles
{
    /// <summary>Samples ((i·7919 + seed·104729) mod 2003 − 1001) / 8 and ratings 1 + ((4t + k)·37 mod 65) / 8: exact in float32.</summary>
    public static SubjectRecording Recording(int trials, int channels, int samples, int seed = 42)
    {
        var values = new float[trials * channels * samples];
        for (long i = 0; i < values.Length; i++) values[i] = ((i * 7919 + seed * 104729) % 2003 - 1001) / 8f;
        var ratings = Enumerable.Range(0, trials).Select(t => new Ratings(Rating(t, 0), Rating(t, 1), Rating(t, 2), Rating(t, 3))).ToArray();
        IReadOnlyList<string> names = channels == 40 ? DeapChannels.Preprocessed : Enumerable.Range(1, channels).Select(c => $"Ch{c}").ToArray();
        return new SubjectRecording(1, values, trials, names, 128, ratings, 3, $"formula seed={seed}");
    }

    private static float Rating(int trial, int scale) => 1 + (4 * trial + scale) * 37 % 65 / 8f;

    public static MemoryStream Write(SubjectRecording recording, DeapMatWriteOptions? options = null)
    {
        var stream = new MemoryStream();
        DeapMatWriter.Write(stream, recording, options);
        stream.Position = 0;
        return stream;
    }

    public static MemoryStream WriteVariables(params (string Name, int[] Dimensions, double[] Values)[] variables)
    {
        var stream = new MemoryStream();
        var writer = new MatFileWriter(stream, compress: false);
        foreach (var (name, dimensions, values) in variables) writer.Write<double>(name, dimensions, values);
        stream.Position = 0;
        return stream;
    }
}
