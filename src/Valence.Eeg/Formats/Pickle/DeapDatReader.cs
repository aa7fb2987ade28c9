using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// Reads DEAP's preprocessed Python files (<c>s01.dat</c> … <c>s32.dat</c>): a pickle of
/// <c>{'labels': trials × 4 ratings, 'data': trials × channels × samples}</c>, as Python 2's cPickle wrote the
/// originals or as any Python 3 / numpy writes the same dict (protocols 0–5, any of the float or integer dtypes,
/// either byte order, C or Fortran order).
/// </summary>
/// <remarks>
/// The pickle is read by <see cref="RestrictedUnpickler"/>, which builds nothing but plain values and numpy arrays:
/// a hostile file cannot run code. The samples go from the file into float32 in chunks (float32 files straight into
/// the result), so a 100 MB subject costs its float32 array and little else. Trial and channel counts need not be
/// DEAP's 40 × 40 × 8064; they must agree between <c>data</c> and <c>labels</c>.
/// </remarks>
public static partial class DeapDatReader
{
    private static readonly string[] RatingNames = ["valence", "arousal", "dominance", "liking"];

    /// <summary>Reads a subject file.</summary>
    /// <param name="path">The <c>.dat</c> file.</param>
    /// <param name="subject">The participant number; by default taken from a file name of the form <c>sNN.dat</c>.</param>
    /// <param name="channelNames">
    /// Names for the channels; by default DEAP's (<see cref="DeapChannels.Preprocessed"/>), as many as the file has,
    /// and "Channel41", "Channel42", … beyond 40.
    /// </param>
    /// <returns>The recording at 128 Hz with DEAP's 3 s baseline; <see cref="SubjectRecording.Source"/> is <paramref name="path"/>.</returns>
    /// <exception cref="EegFormatException">The file is not a well-formed DEAP pickle, or a sample or rating is not finite.</exception>
    /// <exception cref="ArgumentException">No subject number was given and the file name does not carry one, or
    /// <paramref name="channelNames"/> does not match the file's channel count.</exception>
    public static SubjectRecording Read(string path, int? subject = null, IReadOnlyList<string>? channelNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        int number = subject ?? SubjectFromFileName(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, path, number, channelNames);
    }

    /// <summary>Reads a subject from a readable, seekable stream (for example a file already open, or bytes in memory).</summary>
    /// <param name="source">Names the data in error messages and in <see cref="SubjectRecording.Source"/>.</param>
    /// <inheritdoc cref="Read(string, int?, IReadOnlyList{string}?)"/>
    public static SubjectRecording Read(Stream stream, string source, int subject, IReadOnlyList<string>? channelNames = null) =>
        Read(stream, source, subject, channelNames, PickleLimits.Default);

    internal static SubjectRecording Read(Stream stream, string source, int subject, IReadOnlyList<string>? channelNames, PickleLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var root = RestrictedUnpickler.Load(stream, source, limits);
        if (root is not PickleDict dict)
            throw new EegFormatException(source, "top level", $"a DEAP file holds a dict with 'data' and 'labels', not a {PickleValue.TypeName(root)}");
        var data = ArrayUnder(dict, "data", source);
        var labels = ArrayUnder(dict, "labels", source);
        var (trials, channels, samples) = CheckShapes(data, labels, source);

        var names = ChannelNames(channelNames, channels);
        var signal = ToSingle(data, "data", source);
        RequireFinite(signal, [trials, channels, samples], "data", source,
            i => $"trial {i[0]}, channel {i[1]} ({names[i[1]]}), sample {i[2]}: DEAP's samples must be finite");
        var ratings = ToSingle(labels, "labels", source);
        RequireFinite(ratings, [trials, 4], "labels", source, i => $"trial {i[0]}, {RatingNames[i[1]]}: ratings must be finite");

        var trialRatings = new Ratings[trials];
        for (int t = 0; t < trials; t++)
            trialRatings[t] = new Ratings(ratings[4 * t], ratings[4 * t + 1], ratings[4 * t + 2], ratings[4 * t + 3]);
        return new SubjectRecording(subject, signal, trials, names, DeapChannels.PreprocessedSampleRate, trialRatings,
            DeapChannels.BaselineSeconds, source);
    }

    /// <summary>DEAP's channel names for a file with <paramref name="count"/> channels: the 40 in file order, then "Channel41", ….</summary>
    public static IReadOnlyList<string> DefaultChannelNames(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Enumerable.Range(0, count).Select(i => i < DeapChannels.Preprocessed.Count ? DeapChannels.Preprocessed[i] : $"Channel{i + 1}")];
    }

    private static int SubjectFromFileName(string path)
    {
        var match = SubjectFileName().Match(Path.GetFileName(path));
        if (match.Success && int.TryParse(match.Groups[1].Value, out int subject)) return subject;
        throw new ArgumentException($"'{Path.GetFileName(path)}' is not named like DEAP's sNN.dat; pass the subject number.", nameof(path));
    }

    private static NumpyArray ArrayUnder(PickleDict dict, string key, string source)
    {
        if (!dict.TryGetValue(key, out var value))
        {
            var keys = string.Join(", ", dict.Entries.Select(e => e.Key is PickleString s ? $"'{s.Describe(20)}'" : PickleValue.TypeName(e.Key)));
            throw new EegFormatException(source, $"'{key}'", $"the dict has no '{key}' (its keys: {(keys.Length == 0 ? "none" : keys)})");
        }
        return value as NumpyArray
            ?? throw new EegFormatException(source, $"'{key}'", $"'{key}' must be a numpy array, not a {PickleValue.TypeName(value)}");
    }

    /// <summary>data must be trials × channels × samples, none zero; labels trials × 4.</summary>
    private static (int Trials, int Channels, int Samples) CheckShapes(NumpyArray data, NumpyArray labels, string source)
    {
        if (data.Shape.Count != 3)
            throw new EegFormatException(source, "'data'", $"data must have 3 dimensions (trials, channels, samples), not shape {data.ShapeText}");
        int trials = Dimension(data, 0, "trials", source), channels = Dimension(data, 1, "channels", source), samples = Dimension(data, 2, "samples", source);
        if (labels.Shape.Count != 2 || labels.Shape[1] != 4)
            throw new EegFormatException(source, "'labels'", $"labels must have shape (trials, 4) with 4 columns (valence, arousal, dominance, liking), not {labels.ShapeText}");
        if (labels.Shape[0] != trials)
            throw new EegFormatException(source, "'labels'", $"labels has {labels.Shape[0]} trials but data has {trials}");
        if ((long)trials * channels * samples > Array.MaxLength)
            throw new EegFormatException(source, "'data'", $"shape {data.ShapeText} has more samples than a float32 array can hold");
        return (trials, channels, samples);
    }

    private static int Dimension(NumpyArray array, int axis, string what, string source)
    {
        long n = array.Shape[axis];
        if (n == 0) throw new EegFormatException(source, "'data'", $"data has no {what} (shape {array.ShapeText})");
        if (n > Array.MaxLength) throw new EegFormatException(source, "'data'", $"data has {n} {what}, more than an array can hold");
        return (int)n;
    }

    private static IReadOnlyList<string> ChannelNames(IReadOnlyList<string>? given, int channels)
    {
        if (given is null) return DefaultChannelNames(channels);
        if (given.Count != channels)
            throw new ArgumentException($"{given.Count} channel names were given but the file has {channels} channels.", "channelNames");
        return given;
    }

    private static float[] ToSingle(NumpyArray array, string key, string source)
    {
        var values = GC.AllocateUninitializedArray<float>((int)array.ElementCount);
        try
        {
            array.CopyTo(values);
        }
        catch (PickleException e)
        {
            throw new EegFormatException(source, $"'{key}'", e.Message);
        }
        return values;
    }

    /// <summary>Refuses NaN and ±Infinity (including float64 values beyond float32's range), naming the element.</summary>
    private static void RequireFinite(float[] values, int[] shape, string key, string source, Func<int[], string> where)
    {
        if (TensorPrimitives.IsFiniteAll<float>(values)) return;
        int at = Array.FindIndex(values, v => !float.IsFinite(v));
        var index = new int[shape.Length];
        for (int axis = shape.Length - 1, rest = at; axis >= 0; axis--)
        {
            index[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        string value = float.IsNaN(values[at]) ? "NaN" : values[at] > 0 ? "Infinity" : "-Infinity";
        throw new EegFormatException(source, $"{key}[{string.Join(", ", index)}]",
            $"{where(index)}; the value is {value} in float32 (NaN, infinite, or beyond float32's range)");
    }

    [GeneratedRegex(@"^s(\d+)\.dat$", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectFileName();
}
