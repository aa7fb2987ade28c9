namespace Valence.Eeg.Synthetic;

/// <summary>What a random stream is for; part of every stream's key (see <see cref="SyntheticRandom.For"/>).</summary>
internal enum RandomStream : ulong
{
    /// <summary>The video pool's target ratings, shared by all subjects.</summary>
    Videos = 1,
    /// <summary>A subject's traits (gains, alpha frequency, blink rate, peripheral baselines…).</summary>
    Subject,
    /// <summary>A subject's ratings and presentation order.</summary>
    Ratings,
    /// <summary>One trial's fingerprint (spectral drift, impedance, burst rate).</summary>
    Fingerprint,
    /// <summary>One channel's background and rhythm noise in one trial (or the whole raw session).</summary>
    EegNoise,
    /// <summary>Blinks and saccades.</summary>
    Eyes,
    /// <summary>Muscle bursts.</summary>
    Muscle,
    /// <summary>The peripheral channels.</summary>
    Peripheral,
    /// <summary>The raw session's timeline (rating and break durations) and its electrode offsets.</summary>
    Session,
}
