using Valence.Eeg.Formats.Edf;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Synthetic;

/// <summary>How a <see cref="RawSession"/> becomes a BioSemi BDF file like DEAP's raw recordings.</summary>
public static class RawSessionBdf
{
    // BioSemi ActiveTwo: 24-bit samples, 1 LSB = 31.25 nV, so ±8388608 digital spans ±262144 µV.
    private const int DigitalMinimum = -8388608, DigitalMaximum = 8388607;
    private const double BioSemiMicrovolts = 262144;

    /// <summary>
    /// Writes <paramref name="session"/> as a BDF with one-second records, as BioSemi does; the last record is
    /// completed by repeating each signal's last value. The Status channel keeps its integers exactly.
    /// </summary>
    /// <returns>What the writer reports, including samples clipped to the digital range (none for generated data).</returns>
    public static EdfWriteResult Write(string path, RawSession session)
    {
        int perRecord = (int)Math.Round(session.SampleRate);
        int length = (session.SampleCount + perRecord - 1) / perRecord * perRecord;
        var signals = session.Channels.Select(c => Signal(c, session.SampleRate, length)).ToList();
        float[] status = Padded(Array.ConvertAll(session.Status.ToArray(), v => (float)v), length);
        // Status: physical = digital, so the trigger integers (offset quirk included) survive exactly.
        signals.Add(new EdfSignalToWrite(session.StatusLabel, "Boolean", DigitalMinimum, DigitalMaximum,
            DigitalMinimum, DigitalMaximum, session.SampleRate, status) { TransducerType = "Triggers and Status" });
        var file = new EdfFileToWrite(EdfFormat.Bdf, new DateTime(2011, 1, 1, 12, 0, 0), 1.0, signals)
        {
            PatientId = $"s{session.Subject:D2}",
            RecordingId = "Valence synthetic DEAP",
        };
        return EdfWriter.Write(path, file);
    }

    // Channels within BioSemi's ±262144 µV keep its range; larger ones (GSR in Ω) get a range that holds them.
    private static EdfSignalToWrite Signal(RawChannel channel, double sampleRate, int length)
    {
        float largest = channel.Length == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(channel.Samples);
        double bound = Math.Max(BioSemiMicrovolts, Math.Ceiling(Math.Abs(largest) * 1.25));
        return new EdfSignalToWrite(channel.Label, channel.Unit, -bound, bound - bound / (1 << 23),
            DigitalMinimum, DigitalMaximum, sampleRate, Padded(channel.Samples.ToArray(), length)) { TransducerType = channel.Transducer };
    }

    private static float[] Padded(float[] samples, int length)
    {
        if (samples.Length == length || samples.Length == 0) return samples;
        var padded = new float[length];
        samples.CopyTo(padded, 0);
        padded.AsSpan(samples.Length).Fill(samples[^1]);
        return padded;
    }
}
