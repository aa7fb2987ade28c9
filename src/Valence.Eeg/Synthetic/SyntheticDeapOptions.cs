using System.Runtime.CompilerServices;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Settings of the synthetic DEAP generator (<see cref="SyntheticDeapGenerator"/>): how many subjects and trials,
/// how long, at what sample rate, and how strongly emotion, trial fingerprints and artefacts show in the signals.
/// Immutable; every property checks its value when set, so <c>with</c> expressions are checked too.
/// </summary>
/// <remarks>
/// <para><b>The model.</b> Each EEG channel c of subject s in trial k is an aperiodic background plus four rhythms
/// b ∈ {theta, alpha, beta, gamma}, each white noise through a filter (<c>AperiodicFilter</c>, <c>Resonator</c>):</para>
/// <list type="bullet">
/// <item>Background: one-sided power density S(f) = S₁₀·(10/f)^β, with S₁₀ = 1.1 µV²/Hz · 10^((G_s + G_sc + I_kc)/10)
/// and β = β_s + δβ_k; β_s ~ N(1.6, 0.2) clamped to [1, 2].</item>
/// <item>Rhythm b: narrow-band noise of rms amplitude A_b·10^(L/20) µV with nominal A = (3, 5, 3.5, 1.5) µV and level
/// L = G_s + G_sc + T_sb + topo_b(c) + F_kcb + E_kcb + D_kb(t) dB, centred on theta 6 ± 0.5 Hz, alpha at the
/// subject's individual alpha frequency IAF_s ~ N(10, 0.8) Hz (clamped to 8–12.5) plus a per-trial shift, beta
/// 20 ± 2 Hz, gamma 38 ± 2 Hz.</item>
/// <item>Subject: gain G_s ~ N(0, 2 dB), electrode gains G_sc ~ N(0, 1 dB), band traits T_sb ~ N(0, 1.5 dB)
/// (alpha N(0, 3 dB)), a trait frontal asymmetry N(0, 1 dB), an effect scale ~ N(1, <see cref="SubjectEffectSpread"/>)
/// clamped at 0. topo_b: alpha +5 dB at the back to −3 dB at the front; theta frontal midline; beta central.</item>
/// <item>Emotion E (during the video, not the baseline), from the trial's latent state (v*, a*):
/// alpha on frontal sites −V/2·(v* − 5) dB on the left and +V/2·(v* − 5) dB on the right, so the frontal alpha
/// asymmetry FAA = 10·log₁₀(α_right/α_left) = V·(v* − 5) dB (V = <see cref="ValenceAsymmetryDbPerUnit"/>): greater
/// left frontal activity means less left alpha and goes with higher valence. Arousal: beta and gamma
/// +A·(a* − 5) dB and alpha −A·(a* − 5) dB on every channel (A = <see cref="ArousalDbPerUnit"/>). These are the
/// rhythms' own powers; a band power measured over 8–13 Hz also holds background, so it moves by less (about
/// 60–70% over frontal sites with the defaults).</item>
/// <item>Trial fingerprint, unrelated to emotion, scaled by <see cref="TrialFingerprintStrength"/> (s): band levels
/// F_kcb ~ N(0, 2s dB) per channel and band; electrode impedance I_kc ~ N(0, 1.5s dB) on the background;
/// δβ_k ~ N(0, 0.12s); alpha frequency shift N(0, 0.3s Hz); a slow drift D_kb(t) = 1.5s·sin(2πt/P + φ) dB with
/// P ~ U(10, 40) s; blink rate ×exp(N(0, 0.35s)) and muscle-burst rate ×exp(N(0, 0.9s)). This is what makes the
/// windows of one trial resemble each other more than windows of other trials of the same class, as in real EEG,
/// so that a random split of windows leaks.</item>
/// <item>Ratings: the videos are ordered by quadrant (Experiment_id 1–10 HVHA, 11–20 LVHA, 21–30 LVLA, 31–40
/// HVLA, with quadrant centres 3 and 7) and each video's target is its centre plus N(0, <see cref="VideoSpread"/>).
/// A subject's latent state in a trial is target + subject bias N(0, 0.5) + N(0, <see cref="StateJitter"/>); the
/// EEG follows the latent state and the reported rating adds N(0, <see cref="RatingNoise"/>), clamped to 1–9 and
/// rounded to 0.01. Dominance and liking follow valence loosely; familiarity is an integer 1–5.</item>
/// <item>Artefacts: blinks (<see cref="BlinkRatePerMinute"/>, ~300 µV on vEOG) and saccades (steps on hEOG) that
/// reach the EEG with weights falling from Fp1/Fp2 backwards; muscle bursts over temporal and frontal sites. The
/// preprocessed form keeps <see cref="EogResidual"/> of the ocular signal in the EEG (DEAP's EOG removal was not
/// perfect), band-limits to 4–45 Hz and re-references to the common average; the raw form keeps all of it and adds
/// electrode offsets, slow drift, a common-mode signal and <see cref="MainsFrequency"/> mains.</item>
/// </list>
/// <para>With the defaults a band-power classifier that holds out whole trials finds the four classes well above
/// chance but far from perfectly, and one trained on a random split of windows scores much higher: the gap DEAP
/// shows.</para>
/// </remarks>
public sealed record SyntheticDeapOptions
{
    /// <summary>
    /// Seed of every random draw: the same seed gives the same data, bit for bit, on a given platform. The filters
    /// use only IEEE additions and multiplications (no fused multiply-add) and the noise an integer generator; exp,
    /// log, sin and cos (of per-trial parameters, and the raw form's mains) come from the platform's math library,
    /// so another OS or runtime may differ in the last bits.
    /// </summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Participants generated, numbered 1…n as DEAP's s01…s32 (1–32; default 32).</summary>
    public int SubjectCount { get; init => field = InRange(value, 1, 32); } = 32;

    /// <summary>Trials (music videos) per participant (4–40; default 40).</summary>
    public int TrialCount { get; init => field = InRange(value, 4, 40); } = 40;

    /// <summary>Length of each trial's video, in seconds (2–600; default 60).</summary>
    public double TrialSeconds { get; init => field = InRange(value, 2, 600); } = 60;

    /// <summary>Pre-trial baseline before each video in the preprocessed form, in seconds (0–10; default 3).</summary>
    public double BaselineSeconds { get; init => field = InRange(value, 0, 10); } = 3;

    /// <summary>Sample rate of the preprocessed form, in Hz (100–1024; default 128, as DEAP's).</summary>
    public double SampleRate { get; init => field = InRange(value, 100, 1024); } = 128;

    /// <summary>Sample rate of the raw form, in Hz (256–2048; default 512, as DEAP's BDF files).</summary>
    public double RawSampleRate { get; init => field = InRange(value, 256, 2048); } = 512;

    /// <summary>
    /// Frontal alpha asymmetry per unit of latent valence, in dB: FAA = 10·log₁₀(α_right/α_left) = this·(v* − 5)
    /// over frontal sites (0–5; default 1.5).
    /// </summary>
    public double ValenceAsymmetryDbPerUnit { get; init => field = InRange(value, 0, 5); } = 1.5;

    /// <summary>Beta and gamma power gained, and alpha power lost, per unit of latent arousal, in dB (0–5; default 0.7).</summary>
    public double ArousalDbPerUnit { get; init => field = InRange(value, 0, 5); } = 0.7;

    /// <summary>Spread of the per-subject scale of both effects (standard deviation around 1, clamped at 0; 0–2; default 0.3).</summary>
    public double SubjectEffectSpread { get; init => field = InRange(value, 0, 2); } = 0.3;

    /// <summary>Spread of the videos' target ratings around their quadrant centres (3 or 7), in rating units (0–3; default 0.7).</summary>
    public double VideoSpread { get; init => field = InRange(value, 0, 3); } = 0.7;

    /// <summary>Spread of a subject's latent state around the video's target in one trial, in rating units (0–4; default 1.0).</summary>
    public double StateJitter { get; init => field = InRange(value, 0, 4); } = 1.0;

    /// <summary>Noise between the latent state the EEG shows and the rating the subject reports, in rating units (0–4; default 0.7).</summary>
    public double RatingNoise { get; init => field = InRange(value, 0, 4); } = 0.7;

    /// <summary>Scale of every trial fingerprint (0 = none, trials differ only by emotion and chance; 0–4; default 1).</summary>
    public double TrialFingerprintStrength { get; init => field = InRange(value, 0, 4); } = 1.0;

    /// <summary>Mean blink rate across subjects, per minute (0–60; default 17); each subject's own rate varies about it.</summary>
    public double BlinkRatePerMinute { get; init => field = InRange(value, 0, 60); } = 17;

    /// <summary>Fraction of the ocular signal left in the preprocessed EEG after DEAP's EOG removal (0–1; default 0.7).</summary>
    public double EogResidual { get; init => field = InRange(value, 0, 1); } = 0.7;

    /// <summary>Mean rate of muscle bursts per scalp muscle, per minute (0–60; default 3).</summary>
    public double MuscleBurstsPerMinute { get; init => field = InRange(value, 0, 60); } = 3;

    /// <summary>Mains frequency in the raw form, in Hz (0 = none, else 40–70; default 50, as in Europe).</summary>
    public double MainsFrequency
    {
        get;
        init => field = value == 0 ? 0 : InRange(value, 40, 70);
    } = 50;

    /// <summary>Typical mains amplitude on a raw EEG channel, in µV (0–1000; default 15); each channel's varies about it.</summary>
    public double MainsMicrovolts { get; init => field = InRange(value, 0, 1000); } = 15;

    /// <summary>Durations of the screens of the raw session's protocol.</summary>
    public DeapSessionTimings Timings { get; init => field = value ?? throw new ArgumentNullException(nameof(Timings)); } = new();

    /// <summary>Samples per preprocessed trial, baseline included (DEAP: 8064).</summary>
    public int SamplesPerTrial => (int)Math.Round((BaselineSeconds + TrialSeconds) * SampleRate);

    private static int InRange(int value, int min, int max, [CallerMemberName] string name = "") =>
        value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{nameof(SyntheticDeapOptions)}.{name} must be between {min} and {max}.");

    private static double InRange(double value, double min, double max, [CallerMemberName] string name = "") =>
        value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{nameof(SyntheticDeapOptions)}.{name} must be between {min} and {max}.");
}
