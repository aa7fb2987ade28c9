using System.Text.RegularExpressions;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Formats.Mat;

/// <summary>
/// Reads DEAP's preprocessed MATLAB files (s01.mat … s32.mat): <c>data</c> trials × channels × samples and
/// <c>labels</c> trials × 4 (valence, arousal, dominance, liking), at 128 Hz with a 3 s baseline at the start of
/// each trial. Any other variables are skipped. Sizes other than DEAP's 40 × 40 × 8064 are accepted when they agree
/// (small test files), but a trial must be at least as long as the baseline.
/// </summary>
public static partial class DeapMatReader
{
    private const int RatingCount = 4;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="EegFormatException">The file is not a MAT Level 5 file, lacks <c>data</c> or <c>labels</c>, their shapes disagree, or a value is not finite.</exception>
    /// <exception cref="ArgumentException">No participant number was given and the file name does not carry one.</exception>
    public static SubjectRecording Read(string path, DeapMatReadOptions? options = null)
    {
        using var reader = MatFileReader.Open(path);
        return Read(reader, options ?? new DeapMatReadOptions());
    }

    /// <summary>Reads a file from a seekable <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors and provenance.</summary>
    /// <exception cref="EegFormatException">The stream does not hold a readable DEAP .mat file.</exception>
    /// <exception cref="ArgumentException">No participant number was given and <paramref name="sourceName"/> does not carry one.</exception>
    public static SubjectRecording Read(Stream stream, string sourceName, DeapMatReadOptions? options = null)
    {
        using var reader = MatFileReader.Open(stream, sourceName, leaveOpen: true);
        return Read(reader, options ?? new DeapMatReadOptions());
    }

    private static SubjectRecording Read(MatFileReader reader, DeapMatReadOptions options)
    {
        int subject = options.Subject ?? SubjectFromName(reader.Path);
        MatArray<float> labels = reader.ReadArray<float>("labels");
        int trials = CheckLabelShape(reader, labels);
        MatVariableInfo dataInfo = reader.Find("data") ?? throw Error(reader, "data", "the file has no variable 'data'");
        CheckDataShape(reader, dataInfo.Dimensions, trials);
        MatArray<float> data = reader.ReadArray<float>("data");
        // Names only once the data has proven its channel count, so a corrupt count cannot make millions of them.
        IReadOnlyList<string> channels = ChannelNames(reader, options, data.Dimensions[1]);
        CheckFinite(reader, data, channels);
        CheckFinite(reader, labels, ["valence", "arousal", "dominance", "liking"]);
        return new SubjectRecording(subject, data.Values, trials, channels, DeapChannels.PreprocessedSampleRate,
            Ratings(labels.Values), DeapChannels.BaselineSeconds, reader.Path);
    }

    private static int SubjectFromName(string path)
    {
        Match match = SubjectFileName().Match(Path.GetFileName(path));
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, out int subject) || subject <= 0)
            throw new ArgumentException($"Cannot tell the participant from the file name '{Path.GetFileName(path)}' (DEAP's are s01.mat … s32.mat); set DeapMatReadOptions.Subject.", nameof(path));
        return subject;
    }

    private static int CheckLabelShape(MatFileReader reader, MatArray<float> labels)
    {
        if (labels.Dimensions.Count != 2 || labels.Dimensions[1] != RatingCount || labels.Dimensions[0] == 0)
            throw Error(reader, "labels", $"labels is {labels.Shape}; expected trials × {RatingCount} (valence, arousal, dominance, liking)");
        return labels.Dimensions[0];
    }

    private static void CheckDataShape(MatFileReader reader, IReadOnlyList<int> dimensions, int trials)
    {
        string shape = string.Join("×", dimensions);
        if (dimensions.Count != 3) throw Error(reader, "data", $"data is {shape}; expected trials × channels × samples");
        if (dimensions[0] != trials) throw Error(reader, "data", $"data is {shape}, with {dimensions[0]} trials, but labels has {trials}");
        if (dimensions[1] == 0) throw Error(reader, "data", $"data is {shape}, with no channels");
        int baseline = (int)(DeapChannels.BaselineSeconds * DeapChannels.PreprocessedSampleRate);
        if (dimensions[2] < baseline)
            throw Error(reader, "data", $"data is {shape}: {dimensions[2]} samples per trial are fewer than the {baseline}-sample ({DeapChannels.BaselineSeconds} s) baseline");
    }

    private static IReadOnlyList<string> ChannelNames(MatFileReader reader, DeapMatReadOptions options, int count)
    {
        if (options.ChannelNames is { } names)
        {
            if (names.Count != count) throw Error(reader, "data", $"data has {count} channels, but {names.Count} channel names were given");
            return names;
        }
        if (count == DeapChannels.Preprocessed.Count) return DeapChannels.Preprocessed;
        if (count == DeapChannels.Eeg.Count) return DeapChannels.Eeg;
        return Enumerable.Range(1, count).Select(i => $"Ch{i}").ToArray();
    }

    /// <summary>Refuses NaN and ±∞ (and doubles too large for float32), naming the first such value by 0-based trial, column and sample.</summary>
    private static void CheckFinite(MatFileReader reader, MatArray<float> array, IReadOnlyList<string> columns)
    {
        int bad = FirstNonFinite(array.Values);
        if (bad < 0) return;
        int[] d = [.. array.Dimensions];
        string place = d.Length == 3
            ? $"variable '{array.Name}', trial {bad / (d[1] * d[2])}, channel {bad / d[2] % d[1]} ({columns[bad / d[2] % d[1]]}), sample {bad % d[2]} (0-based)"
            : $"variable '{array.Name}', trial {bad / d[1]}, {columns[bad % d[1]]} (0-based)";
        throw new EegFormatException(reader.Path, place, $"the value is {array.Values[bad]}; DEAP's values are finite (or the stored double exceeds float32's range)");
    }

    private static int FirstNonFinite(float[] values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }

    private static Ratings[] Ratings(float[] labels)
    {
        var ratings = new Ratings[labels.Length / RatingCount];
        for (int trial = 0; trial < ratings.Length; trial++)
        {
            int row = trial * RatingCount;
            ratings[trial] = new Ratings(labels[row], labels[row + 1], labels[row + 2], labels[row + 3]);
        }
        return ratings;
    }

    private static EegFormatException Error(MatFileReader reader, string variable, string reason) =>
        new(reader.Path, $"variable '{variable}'", reason);

    [GeneratedRegex(@"^s(\d{1,6})\.mat$", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectFileName();
}
