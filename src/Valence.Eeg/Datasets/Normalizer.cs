using System.Numerics.Tensors;
using System.Text;
using System.Text.Json;
using Valence.Eeg.Formats;

namespace Valence.Eeg.Datasets;

/// <summary>
/// Per-channel normalisation fitted on training windows only: z-score, then optionally min-max onto an output range
/// (the paper's order). The fitted statistics serialise to JSON with every double exact, so prediction applies the
/// very transform training used.
/// </summary>
/// <remarks>
/// Each channel's transform is one affine map y = x·scale + offset (then a clamp to the output range when
/// <see cref="NormalizerSettings.Clip"/> is set), in float32 as a product then a sum, with scale and offset derived
/// in double from the statistics:
/// z = (x − mean) / sd; y = (z − lower) · (high − low) / (upper − lower) + low.
/// A flat channel (sd = 0) is only centred; bounds that coincide map the channel to the middle of the range.
/// Statistics are taken over the samples of the training windows, so a sample shared by overlapping windows counts
/// once per window. Fitting streams over the windows: its memory does not grow with the data.
/// </remarks>
public sealed class Normalizer
{
    /// <summary>The format name written into the JSON form.</summary>
    public const string Format = "valence-normalizer/1";

    private readonly ChannelNormalization[] _channels;
    private readonly float[] _scale;
    private readonly float[] _offset;

    private Normalizer(NormalizerSettings settings, ChannelNormalization[] channels, long samplesPerChannel)
    {
        Settings = settings;
        _channels = channels;
        SamplesPerChannel = samplesPerChannel;
        _scale = new float[channels.Length];
        _offset = new float[channels.Length];
        for (int c = 0; c < channels.Length; c++)
            (_scale[c], _offset[c]) = Coefficients(settings, channels[c]);
    }

    /// <summary>The settings fitted with.</summary>
    public NormalizerSettings Settings { get; }

    /// <summary>Each channel's statistics, in channel order.</summary>
    public IReadOnlyList<ChannelNormalization> Channels => _channels;

    /// <summary>Number of channels.</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>How many training samples per channel the statistics were taken over.</summary>
    public long SamplesPerChannel { get; }

    /// <summary>Fits the statistics on the windows named by <paramref name="trainingWindows"/> (and on nothing else).</summary>
    /// <exception cref="ArgumentException">No training windows, or a channel's training samples are not all finite.</exception>
    public static Normalizer Fit(WindowSet windows, ReadOnlySpan<int> trainingWindows, NormalizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(settings);
        if (trainingWindows.IsEmpty)
            throw new ArgumentException("A normaliser needs at least one training window to fit on.", nameof(trainingWindows));
        long n = (long)trainingWindows.Length * windows.Length;
        var channels = new ChannelNormalization[windows.ChannelCount];
        var scratch = new float[windows.Length];
        var order = settings.Method == NormalizationMethod.ZScoreThenMinMax && settings.Bounds == MinMaxBounds.Percentiles
            ? new OrderStatistics(4)
            : null;
        for (int c = 0; c < channels.Length; c++)
        {
            string name = windows.ChannelNames[c];
            double mean = Mean(windows, trainingWindows, c, n, name);
            double sd = StandardDeviation(windows, trainingWindows, c, n, mean, scratch);
            var (lower, upper) = settings.Method == NormalizationMethod.ZScoreThenMinMax
                ? Bounds(windows, trainingWindows, c, n, settings, order)
                : (0.0, 0.0);
            double divisor = sd > 0 ? sd : 1;
            channels[c] = settings.Method == NormalizationMethod.ZScoreThenMinMax
                ? new(name, mean, sd, (lower - mean) / divisor, (upper - mean) / divisor)
                : new(name, mean, sd, 0, 0);
        }
        return new Normalizer(settings, channels, n);
    }

    /// <summary>
    /// Normalises <paramref name="batch"/> in place: <paramref name="windowCount"/> windows laid out [window, channel,
    /// sample], as <see cref="WindowSet.CopyBatch"/> writes them. Vectorised; allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not divide into windows × this normaliser's channels.</exception>
    public void Apply(Span<float> batch, int windowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowCount);
        long perWindow = batch.Length / windowCount;
        if (perWindow * windowCount != batch.Length || perWindow % ChannelCount != 0)
            throw new ArgumentException(
                $"A batch of {batch.Length} floats does not divide into {windowCount} windows × {ChannelCount} channels.", nameof(batch));
        if (Settings.Method == NormalizationMethod.None) return;
        int length = (int)(perWindow / ChannelCount);
        bool clip = Settings.Method == NormalizationMethod.ZScoreThenMinMax && Settings.Clip;
        var (low, high) = Settings.RangeEnds;
        for (int w = 0; w < windowCount; w++)
            for (int c = 0; c < ChannelCount; c++)
            {
                var row = batch.Slice((w * ChannelCount + c) * length, length);
                TensorPrimitives.Multiply(row, _scale[c], row);
                TensorPrimitives.Add(row, _offset[c], row);
                if (clip) TensorPrimitives.Clamp(row, low, high, row);
            }
    }

    /// <summary>The settings and statistics as JSON; doubles are written so that they read back bit for bit.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteStartObject("settings");
            json.WriteString("method", Settings.Method.ToString());
            json.WriteString("bounds", Settings.Bounds.ToString());
            json.WriteNumber("lowerPercentile", Settings.LowerPercentile);
            json.WriteNumber("upperPercentile", Settings.UpperPercentile);
            json.WriteBoolean("clip", Settings.Clip);
            json.WriteString("range", Settings.Range.ToString());
            json.WriteEndObject();
            json.WriteNumber("samplesPerChannel", SamplesPerChannel);
            json.WriteStartArray("channels");
            foreach (var c in _channels)
            {
                json.WriteStartObject();
                json.WriteString("name", c.Name);
                json.WriteNumber("mean", c.Mean);
                json.WriteNumber("standardDeviation", c.StandardDeviation);
                json.WriteNumber("lower", c.Lower);
                json.WriteNumber("upper", c.Upper);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    /// <param name="source">Names the text in error messages (a model file's path, for example).</param>
    /// <exception cref="EegFormatException">The JSON is malformed, of another format, or holds impossible statistics; the message names the field.</exception>
    public static Normalizer FromJson(string json, string source = "normalizer JSON")
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string format = NormalizerJson.String(root, "format", source);
            if (format != Format)
                throw new EegFormatException(source, "field 'format'", $"'{format}' is not {Format}.");
            var settings = NormalizerJson.Settings(NormalizerJson.Property(root, "settings", source), source);
            long samples = NormalizerJson.Property(root, "samplesPerChannel", source).GetInt64();
            if (samples <= 0)
                throw new EegFormatException(source, "field 'samplesPerChannel'", $"{samples} is not a positive count.");
            var channelsElement = NormalizerJson.Property(root, "channels", source);
            if (channelsElement.ValueKind != JsonValueKind.Array || channelsElement.GetArrayLength() == 0)
                throw new EegFormatException(source, "field 'channels'", "must be a non-empty array.");
            var channels = channelsElement.EnumerateArray().Select((e, i) => NormalizerJson.Channel(e, i, source)).ToArray();
            return new Normalizer(settings, channels, samples);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new EegFormatException(source, "JSON", e.Message, e);
        }
    }

    private static double Mean(WindowSet windows, ReadOnlySpan<int> indices, int channel, long n, string name)
    {
        double sum = 0;
        foreach (int w in indices) sum += TensorPrimitives.Sum(windows.Channel(w, channel));
        if (!double.IsFinite(sum))
            throw new ArgumentException($"Channel {name} has NaN or infinite samples in the training windows; a normaliser cannot be fitted.", nameof(windows));
        return sum / n;
    }

    private static double StandardDeviation(WindowSet windows, ReadOnlySpan<int> indices, int channel, long n, double mean, float[] scratch)
    {
        // Two passes (deviations from the mean) rather than E[x²] − mean², which cancels badly when the mean is large.
        double sum = 0;
        foreach (int w in indices)
        {
            TensorPrimitives.Subtract(windows.Channel(w, channel), (float)mean, scratch);
            sum += TensorPrimitives.SumOfSquares<float>(scratch);
        }
        double centring = mean - (float)mean;
        return Math.Sqrt(Math.Max(0, sum / n - centring * centring));
    }

    private static (double Lower, double Upper) Bounds(WindowSet windows, ReadOnlySpan<int> indices, int channel, long n,
        NormalizerSettings settings, OrderStatistics? order)
    {
        if (order is null)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            foreach (int w in indices)
            {
                var values = windows.Channel(w, channel);
                min = Math.Min(min, TensorPrimitives.Min(values));
                max = Math.Max(max, TensorPrimitives.Max(values));
            }
            return (min, max);
        }
        var (lowRanks, lowFraction) = Percentile.Ranks(settings.LowerPercentile, n);
        var (highRanks, highFraction) = Percentile.Ranks(settings.UpperPercentile, n);
        var v = order.Select(windows, indices, channel, [lowRanks.Below, lowRanks.Above, highRanks.Below, highRanks.Above]);
        return (Percentile.Interpolate(v[0], v[1], lowFraction), Percentile.Interpolate(v[2], v[3], highFraction));
    }

    private static (float Scale, float Offset) Coefficients(NormalizerSettings settings, ChannelNormalization c)
    {
        double divisor = c.StandardDeviation > 0 ? c.StandardDeviation : 1;
        if (settings.Method == NormalizationMethod.None) return (1f, 0f);
        if (settings.Method == NormalizationMethod.ZScore) return ((float)(1 / divisor), (float)(-c.Mean / divisor));
        var (low, high) = settings.RangeEnds;
        if (!(c.Upper > c.Lower)) return (0f, (low + high) / 2f);
        // y = (z − lower)·s + low with z = x/sd − mean/sd, so y = x·(s/sd) + low − s·(mean/sd + lower).
        double s = (high - low) / (c.Upper - c.Lower);
        return ((float)(s / divisor), (float)(low - s * (c.Mean / divisor + c.Lower)));
    }
}
