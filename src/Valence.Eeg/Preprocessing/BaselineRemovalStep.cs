using System.Globalization;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Preprocessing;

/// <summary>
/// Subtracts each trial's pre-trial baseline (DEAP: the first 3 s) from chosen channels, then optionally drops the
/// baseline samples from every channel, leaving trials of the stimulus period only.
/// </summary>
/// <remarks>
/// <para><see cref="BaselineRemovalMode.TrialMean"/>: x[t] − mean(baseline), per trial and channel.</para>
/// <para><see cref="BaselineRemovalMode.ChunkTemplate"/>, TorchEEG's DEAPDataset with BaselineRemoval: with chunk length
/// W and B = k·W baseline samples, template[j] = (1/k)·Σ_i x[i·W + j] for j &lt; W, and x[t] − template[t mod W].
/// TorchEEG subtracts the template from each window of W samples it cuts after the baseline; this equals that for
/// windows of exactly W samples that start at whole multiples of W after the baseline (its defaults: chunk_size =
/// baseline_chunk_size = 128, overlap 0, num_baseline 3). Baseline samples themselves get the same treatment.</para>
/// </remarks>
public sealed class BaselineRemovalStep : IPreprocessingStep
{
    private readonly int[] _channels;
    private readonly int _baselineSamples;
    private readonly int _chunkSamples;

    /// <summary>A step removing <paramref name="input"/>'s baseline from <paramref name="channels"/>.</summary>
    /// <param name="chunkSeconds">The chunk length for <see cref="BaselineRemovalMode.ChunkTemplate"/>, in seconds (TorchEEG: 1 s); ignored for <see cref="BaselineRemovalMode.TrialMean"/>.</param>
    /// <exception cref="InvalidSettingException">There is no baseline, it is not a whole number of samples or of chunks, or a channel is unknown.</exception>
    public BaselineRemovalStep(SignalDescription input, BaselineRemovalMode mode, IReadOnlyList<string> channels, bool dropBaseline = true, double chunkSeconds = 1.0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(channels);
        if (!Enum.IsDefined(mode))
            throw new InvalidSettingException(nameof(mode), mode.ToString(), $"the mode must be one of {string.Join(", ", Enum.GetNames<BaselineRemovalMode>())}");
        Input = input;
        Mode = mode;
        DropBaseline = dropBaseline;
        _channels = ChannelLookup.Indices(input.ChannelNames, channels, nameof(channels));
        _baselineSamples = input.BaselineSamples("baselineSeconds", $"{input.BaselineSeconds.ToString(CultureInfo.InvariantCulture)} s");
        // The trial mean is the template of one-sample chunks: the baseline's mean, subtracted from every sample.
        _chunkSamples = mode == BaselineRemovalMode.ChunkTemplate ? ChunkSamples(input, chunkSeconds, _baselineSamples) : 1;
        Output = dropBaseline ? input with { SamplesPerTrial = input.SamplesPerTrial - _baselineSamples, BaselineSeconds = 0 } : input;
        string what = mode == BaselineRemovalMode.TrialMean ? "baseline mean" : $"baseline template of {_chunkSamples}-sample chunks";
        Name = $"subtract the {what} ({_baselineSamples} samples) from {_channels.Length} channels{(dropBaseline ? ", drop the baseline" : "")}";
    }

    /// <summary>What is subtracted.</summary>
    public BaselineRemovalMode Mode { get; }

    /// <summary>Whether the baseline samples are removed from the output's trials.</summary>
    public bool DropBaseline { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public SignalDescription Input { get; }

    /// <inheritdoc />
    public SignalDescription Output { get; }

    /// <inheritdoc />
    public SubjectRecording Apply(SubjectRecording recording)
    {
        Input.CheckMatches(recording, Name);
        float[] samples = recording.Samples.ToArray();
        int n = recording.SamplesPerTrial, w = _chunkSamples, chunks = _baselineSamples / w;
        var template = new double[w];
        for (int trial = 0; trial < recording.TrialCount; trial++)
            foreach (int channel in _channels)
            {
                Span<float> row = samples.AsSpan((trial * recording.ChannelCount + channel) * n, n);
                Array.Clear(template);
                for (int i = 0; i < chunks; i++)
                    for (int j = 0; j < w; j++) template[j] += row[i * w + j];
                for (int j = 0; j < w; j++) template[j] /= chunks;
                for (int t = 0; t < n; t++) row[t] = (float)(row[t] - template[t % w]);
            }
        return recording.Derive(this, DropBaseline ? WithoutBaseline(samples, recording.TrialCount * recording.ChannelCount, n) : samples);
    }

    private float[] WithoutBaseline(float[] samples, int rows, int n)
    {
        int kept = n - _baselineSamples;
        var result = new float[(long)rows * kept];
        for (int r = 0; r < rows; r++) samples.AsSpan(r * n + _baselineSamples, kept).CopyTo(result.AsSpan(r * kept, kept));
        return result;
    }

    private static int ChunkSamples(SignalDescription input, double chunkSeconds, int baselineSamples)
    {
        string shown = $"{chunkSeconds.ToString(CultureInfo.InvariantCulture)} s";
        double exact = chunkSeconds * input.SampleRate;
        int samples = double.IsFinite(exact) ? (int)Math.Round(exact) : 0;
        if (!(chunkSeconds > 0) || samples < 1 || Math.Abs(exact - samples) > 1e-6)
            throw new InvalidSettingException(nameof(chunkSeconds), shown, $"the chunk must be a positive whole number of samples at {FilterFrequencyCheck.Hz(input.SampleRate)}");
        if (baselineSamples % samples != 0)
            throw new InvalidSettingException(nameof(chunkSeconds), shown, $"the baseline of {baselineSamples} samples is not a whole number of {samples}-sample chunks");
        return samples;
    }
}
