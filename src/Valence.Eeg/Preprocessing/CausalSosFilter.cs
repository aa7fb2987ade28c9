namespace Valence.Eeg.Preprocessing;

/// <summary>
/// A causal multi-channel filter for streaming: it keeps each channel's section state between calls, so filtering a
/// signal chunk by chunk gives exactly what filtering it in one go gives (as <c>scipy.signal.sosfilt</c> with <c>zi</c>
/// carried over). The one mutable piece of the preprocessing: a stream is a sequence of calls.
/// </summary>
public sealed class CausalSosFilter
{
    private readonly SecondOrderSections _sos;
    private readonly double[] _state;
    private readonly double[] _buffer;

    /// <summary>A filter for <paramref name="channelCount"/> channels, all at rest (zero state).</summary>
    public CausalSosFilter(SecondOrderSections sos, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(sos);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        _sos = sos;
        ChannelCount = channelCount;
        _state = new double[channelCount * 2 * sos.Count];
        _buffer = new double[1024];
    }

    /// <summary>Number of channels.</summary>
    public int ChannelCount { get; }

    /// <summary>Returns every channel to rest.</summary>
    public void Reset() => Array.Clear(_state);

    /// <summary>
    /// Sets each channel to the steady state for a constant input equal to its value in <paramref name="firstValues"/>,
    /// so that a stream starting at an offset does not ring (SciPy: <c>sosfilt_zi(sos) · x[0]</c>).
    /// </summary>
    public void Prime(ReadOnlySpan<float> firstValues)
    {
        if (firstValues.Length != ChannelCount)
            throw new ArgumentException($"{firstValues.Length} values for {ChannelCount} channels.", nameof(firstValues));
        double[] steady = _sos.SteadyState();
        for (int c = 0; c < ChannelCount; c++)
            for (int i = 0; i < steady.Length; i++) _state[c * steady.Length + i] = steady[i] * firstValues[c];
    }

    /// <summary>The state of channel <paramref name="channel"/> (two values per section, SciPy's <c>zi</c> layout), as a copy.</summary>
    public double[] StateOf(int channel)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)channel, (uint)ChannelCount, nameof(channel));
        return ChannelState(channel).ToArray();
    }

    /// <summary>
    /// Filters one chunk: <paramref name="input"/> and <paramref name="output"/> hold channels × samples, channel-major
    /// (each channel's samples together); <paramref name="output"/> may be <paramref name="input"/>'s own memory.
    /// </summary>
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length % ChannelCount != 0)
            throw new ArgumentException($"{input.Length} samples do not divide into {ChannelCount} channels.", nameof(input));
        if (output.Length != input.Length)
            throw new ArgumentException($"The output holds {output.Length} samples; the input has {input.Length}.", nameof(output));
        int samples = input.Length / ChannelCount;
        for (int c = 0; c < ChannelCount; c++)
        {
            for (int start = 0; start < samples; start += _buffer.Length)
            {
                int count = Math.Min(_buffer.Length, samples - start);
                Span<double> chunk = _buffer.AsSpan(0, count);
                ReadOnlySpan<float> source = input.Slice(c * samples + start, count);
                for (int i = 0; i < count; i++) chunk[i] = source[i];
                SosFilter.Apply(_sos, ChannelState(c), chunk, chunk);
                Span<float> target = output.Slice(c * samples + start, count);
                for (int i = 0; i < count; i++) target[i] = (float)chunk[i];
            }
        }
    }

    private Span<double> ChannelState(int channel) => _state.AsSpan(channel * 2 * _sos.Count, 2 * _sos.Count);
}
