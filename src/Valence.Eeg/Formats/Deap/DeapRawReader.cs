using System.Text.RegularExpressions;
using Valence.Eeg.Formats.Edf;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Formats.Deap;

/// <summary>
/// Reads one participant of DEAP's raw recordings (<c>sNN.bdf</c> with <c>participant_ratings.csv</c>) into a
/// <see cref="SubjectRecording"/>: each trial is the baseline before a video start (Status code 4) and the trial
/// after it, trials ordered by video (Experiment_id), EEG in the Geneva order of the preprocessed files, then the
/// peripheral channels the file has, at the file's sample rate (512 Hz in DEAP), in physical units, unfiltered.
/// </summary>
/// <remarks>
/// <para>The Status channel is the one labelled "Status"; files that label it otherwise (s24–s32: blank or "-1") have
/// it as their last signal. Its codes are cleaned of the s24–s32 offset (<see cref="DeapStatusCodes"/>).</para>
/// <para>The EEG channels are found by label when the file names all 32 electrodes (DEAP's files do, in their site's
/// order); a file that does not is taken to hold them on its first 32 channels in the order of the participant's
/// site (<see cref="DeapRawChannels"/>). Peripheral channels are included when a signal carries their label
/// (EXG1–EXG8, GSR1, GSR2, Erg1, Erg2, Resp, Plet, Temp), named as the file names them. GSR stays in each site's own
/// unit (Geneva's is 10⁹ / Twente's) and no channel is re-referenced.</para>
/// <para>The k-th video start is trial k of the ratings (presentation order); the participant's rows must number the
/// trials and the videos 1..TrialCount, each once, and the file must hold exactly TrialCount video starts.</para>
/// </remarks>
public static partial class DeapRawReader
{
    /// <summary>Reads <paramref name="bdfPath"/> (named sNN.bdf, NN being the participant) with its ratings from <paramref name="ratingsCsvPath"/>.</summary>
    /// <exception cref="ArgumentException">The file name does not say the participant.</exception>
    /// <exception cref="EegFormatException">Either file is malformed or they disagree (see the remarks).</exception>
    public static SubjectRecording Read(string bdfPath, string ratingsCsvPath, DeapRawOptions? options = null) =>
        Read(bdfPath, DeapRatingsTable.Load(ratingsCsvPath), ParticipantFromFileName(bdfPath), options);

    /// <summary>Reads participant <paramref name="participant"/> from <paramref name="bdfPath"/> with ratings already loaded.</summary>
    public static SubjectRecording Read(string bdfPath, DeapRatingsTable ratings, int participant, DeapRawOptions? options = null)
    {
        using var bdf = EdfReader.Open(bdfPath);
        return Read(bdf, ratings, participant, options);
    }

    /// <summary>Reads participant <paramref name="participant"/> from an open reader.</summary>
    public static SubjectRecording Read(EdfReader bdf, DeapRatingsTable ratings, int participant, DeapRawOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bdf);
        ArgumentNullException.ThrowIfNull(ratings);
        options ??= new DeapRawOptions();
        options.Validate();

        DeapRatingsRow[] rows = TrialRows(ratings, participant, options.TrialCount);
        int status = StatusSignal(bdf);
        int[] eeg = EegSignals(bdf, participant, status);
        int[] peripheral = PeripheralSignals(bdf, eeg, status);
        int[] channels = [.. eeg, .. peripheral];
        double rate = CommonRate(bdf, channels, status);
        int baseline = WholeSamples(bdf, options.BaselineSeconds, rate, "baseline");
        int trial = WholeSamples(bdf, options.TrialSeconds, rate, "trial");
        long[] firsts = TrialStarts(bdf, status, rows, baseline, trial, options);

        int trialLength = baseline + trial;
        long size = (long)channels.Length * trialLength;
        if (size * rows.Length > Array.MaxLength)
            throw new EegFormatException(bdf.Path, "trials", $"{rows.Length} trials × {channels.Length} channels × {trialLength} samples do not fit in one recording.");
        var samples = new float[size * rows.Length];
        for (int k = 0; k < rows.Length; k++)
            bdf.ReadPhysical(channels, firsts[k], trialLength, samples.AsSpan((int)((rows[k].ExperimentId - 1) * size), (int)size));

        string[] names = [.. DeapChannels.Eeg, .. peripheral.Select(i => bdf.Header.Signals[i].Label)];
        Ratings[] byVideo = rows.OrderBy(r => r.ExperimentId).Select(r => r.Ratings).ToArray();
        return new SubjectRecording(participant, samples, rows.Length, names, rate, byVideo, options.BaselineSeconds, bdf.Path);
    }

    /// <summary>The participant number in a file name of the form sNN.bdf (any case).</summary>
    /// <exception cref="ArgumentException">The name is not of that form.</exception>
    public static int ParticipantFromFileName(string path)
    {
        Match match = FileNamePattern().Match(Path.GetFileName(path));
        return match.Success && int.Parse(match.Groups[1].Value) > 0
            ? int.Parse(match.Groups[1].Value)
            : throw new ArgumentException($"'{Path.GetFileName(path)}' is not named sNN.bdf; pass the participant number explicitly.", nameof(path));
    }

    [GeneratedRegex(@"^s(\d{1,3})\.bdf$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    /// <summary>The participant's rows in presentation order, checked to number trials and videos 1..count once each.</summary>
    private static DeapRatingsRow[] TrialRows(DeapRatingsTable ratings, int participant, int count)
    {
        var rows = ratings.ForParticipant(participant).ToArray();
        string place = $"participant {participant}";
        if (rows.Length != count)
            throw new EegFormatException(ratings.Path, place, $"{rows.Length} rows, expected one for each of the {count} trials.");
        for (int k = 0; k < rows.Length; k++)
            if (rows[k].Trial != k + 1)
                throw new EegFormatException(ratings.Path, $"{place}, line {rows[k].Line}, column 'Trial'",
                    $"the trials must be numbered 1..{count}; trial {k + 1} is missing.");
        int missing = Enumerable.Range(1, count).FirstOrDefault(v => rows.All(r => r.ExperimentId != v));
        if (missing != 0)
            throw new EegFormatException(ratings.Path, $"{place}, column 'Experiment_id'",
                $"the videos must be numbered 1..{count}; video {missing} is missing (the rows name {string.Join(", ", rows.Select(r => r.ExperimentId))}).");
        return rows;
    }

    private static int StatusSignal(EdfReader bdf)
    {
        int labelled = bdf.Header.IndexOf(BdfStatusChannel.Label);
        if (labelled >= 0) return labelled;
        for (int i = bdf.Header.Signals.Count - 1; i >= 0; i--)
            if (!bdf.Header.Signals[i].IsAnnotation) return i;
        throw new EegFormatException(bdf.Path, "signal headers", "the file has no signal that could be the Status channel.");
    }

    /// <summary>The 32 EEG signals in Geneva order: by label when the file names every electrode, else by the site's order.</summary>
    private static int[] EegSignals(EdfReader bdf, int participant, int status)
    {
        EdfHeader header = bdf.Header;
        int[] byLabel = DeapChannels.Eeg.Select(header.IndexOf).ToArray();
        if (byLabel.All(i => i >= 0)) return byLabel;

        if (status < DeapChannels.Eeg.Count || header.Signals.Take(DeapChannels.Eeg.Count).Any(s => s.IsAnnotation))
            throw new EegFormatException(bdf.Path, "signal headers",
                $"the labels do not name the 32 EEG electrodes (no '{DeapChannels.Eeg[Array.IndexOf(byLabel, -1)]}'), and the first 32 signals cannot hold them either: the file has {header.Signals.Count} signals with the Status channel at {status}.");
        IReadOnlyList<string> order = DeapRawChannels.EegOrder(DeapRawChannels.SiteOf(participant));
        return DeapChannels.Eeg.Select(name => IndexIn(order, name)).ToArray();
    }

    private static int IndexIn(IReadOnlyList<string> list, string name)
    {
        for (int i = 0; i < list.Count; i++)
            if (list[i] == name) return i;
        throw new InvalidOperationException($"{name} is missing from a channel table.");
    }

    private static int[] PeripheralSignals(EdfReader bdf, int[] eeg, int status) =>
        DeapRawChannels.Peripheral.Select(bdf.Header.IndexOf)
            .Where(i => i >= 0 && i != status && !eeg.Contains(i) && !bdf.Header.Signals[i].IsAnnotation)
            .ToArray();

    /// <summary>The sample rate all chosen channels and the Status channel share; a file that mixes rates is refused.</summary>
    private static double CommonRate(EdfReader bdf, int[] channels, int status)
    {
        EdfSignalHeader reference = bdf.Header.Signals[status];
        foreach (int i in channels)
        {
            EdfSignalHeader s = bdf.Header.Signals[i];
            if (s.SamplesPerRecord != reference.SamplesPerRecord)
                throw new EegFormatException(bdf.Path, $"signal {i} '{s.Label}'",
                    $"{s.SampleRate} Hz, but the Status channel '{reference.Label}' (signal {status}) has {reference.SampleRate} Hz; DEAP records every channel at one rate.");
        }
        return reference.SampleRate;
    }

    private static int WholeSamples(EdfReader bdf, double seconds, double rate, string what)
    {
        double samples = seconds * rate;
        if (Math.Abs(samples - Math.Round(samples)) > 1e-6 || samples > Array.MaxLength / 2)
            throw new EegFormatException(bdf.Path, "sample rate", $"a {what} of {seconds} s at {rate} Hz is not a whole number of samples ({samples}).");
        return (int)Math.Round(samples);
    }

    /// <summary>Where each trial's baseline starts, checked to lie with its trial inside the recording (before anything is allocated for them).</summary>
    private static long[] TrialStarts(EdfReader bdf, int status, DeapRatingsRow[] rows, int baseline, int trial, DeapRawOptions options)
    {
        long[] onsets = VideoStarts(bdf, status, options.TrialCount);
        long length = bdf.SampleCount(status);
        double rate = bdf.Header.Signals[status].SampleRate;
        var firsts = new long[onsets.Length];
        for (int k = 0; k < onsets.Length; k++)
        {
            firsts[k] = onsets[k] - baseline;
            if (firsts[k] < 0 || onsets[k] + trial > length)
                throw new EegFormatException(bdf.Path, $"trial {k + 1} (video {rows[k].ExperimentId})",
                    $"the video starts at {onsets[k] / rate:0.###} s, so {options.BaselineSeconds} s before and {options.TrialSeconds} s after it reach beyond the recording (0–{length / rate:0.###} s).");
        }
        return firsts;
    }

    private static long[] VideoStarts(EdfReader bdf, int status, int count)
    {
        int[] codes = DeapStatusCodes.TriggerCodes(bdf.ReadDigital(status), out int offset);
        long[] onsets = DeapStatusCodes.Onsets(codes, DeapStatusCodes.VideoStart);
        if (onsets.Length != count)
        {
            EdfSignalHeader s = bdf.Header.Signals[status];
            string seen = string.Join(", ", onsets.Take(8).Select(o => $"{o / s.SampleRate:0.###} s")) + (onsets.Length > 8 ? ", …" : "");
            throw new EegFormatException(bdf.Path, $"signal {status} '{s.Label}' (Status)",
                $"{onsets.Length} video starts (code {DeapStatusCodes.VideoStart}){(onsets.Length > 0 ? $" at {seen}" : "")}, expected {count}"
                + (offset != 0 ? $" (after removing the offset {offset})." : "."));
        }
        return onsets;
    }
}
