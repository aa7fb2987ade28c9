namespace Valence.Eeg.Synthetic;

/// <summary>
/// The slow drift of each rhythm's power within a trial, D_kb(t) = depth·sin(2πt/P_b + φ_b) dB, as an amplitude
/// factor per block of samples: the part of a trial's fingerprint that makes nearby windows more alike than distant
/// ones. Blocks outside any trial keep factor 1.
/// </summary>
internal sealed class DriftEnvelope
{
    private readonly float[][] _gains;

    /// <summary>A flat envelope over <paramref name="samples"/> samples.</summary>
    public DriftEnvelope(int samples, int blockLength)
    {
        BlockLength = blockLength;
        int blocks = (samples + blockLength - 1) / blockLength;
        _gains = Enumerable.Range(0, 4).Select(_ => Enumerable.Repeat(1f, blocks).ToArray()).ToArray();
    }

    /// <summary>Samples per block; the drift is constant within a block.</summary>
    public int BlockLength { get; }

    /// <summary>The amplitude factor of <paramref name="band"/> in block <paramref name="block"/>.</summary>
    public float Gain(int band, int block) => _gains[band][block];

    /// <summary>Applies a trial's drift to the samples [<paramref name="start"/>, <paramref name="end"/>), time measured from <paramref name="start"/>.</summary>
    public void Apply(TrialFingerprint fingerprint, int start, int end, double sampleRate)
    {
        for (int block = start / BlockLength; block * BlockLength < end; block++)
        {
            double t = (block * BlockLength - start) / sampleRate;
            for (int b = 0; b < 4; b++)
            {
                double db = fingerprint.DriftDepthDb * Math.Sin(2 * Math.PI * t / fingerprint.DriftPeriodSeconds[b] + fingerprint.DriftPhase[b]);
                _gains[b][block] = (float)Math.Pow(10, db / 20);
            }
        }
    }
}
