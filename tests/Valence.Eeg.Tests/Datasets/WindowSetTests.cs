using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Valence.Eeg.Datasets;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Datasets;

public class WindowSetTests
{
    private static TrialSet Trials(double trialSeconds = 60, double baselineSeconds = 3, int trials = 2) =>
        new([TestRecordings.Cycling(1, trials, trialSeconds: trialSeconds, baselineSeconds: baselineSeconds)]);

    private static WindowSettings Seconds(double length, double stride, bool baseline = false) =>
        new(SignalDuration.FromSeconds(length), SignalDuration.FromSeconds(stride), baseline);

    [Fact]
    public void Sixty_second_trial_two_second_windows_one_second_stride_gives_59_after_the_baseline()
    {
        var windows = new WindowSet(Trials(), WindowSettings.Paper);
        Assert.Equal(256, windows.Length);
        Assert.Equal(128, windows.Stride);
        Assert.Equal(59, windows.WindowsPerTrial);
        Assert.Equal(118, windows.Count);
        // The first window starts where the baseline ends (3 s = 384 samples); the last ends exactly at the trial's end.
        Assert.Equal(new Window(0, 384, 256), windows[0]);
        Assert.Equal(new Window(0, 384 + 58 * 128, 256), windows[58]);
        Assert.Equal(63 * 128, windows[58].Offset + windows[58].Length);
        Assert.Equal(new Window(1, 384, 256), windows[59]);
    }

    [Theory]
    // length, stride (samples), usable samples, expected windows: hand counts of ⌊(usable − length)/stride⌋ + 1.
    [InlineData(256, 128, 7680, 59)]
    [InlineData(256, 256, 7680, 30)]
    [InlineData(256, 300, 7680, 25)]   // (7424 / 300 = 24.7) + 1: the last partial window is dropped
    [InlineData(7680, 1, 7680, 1)]     // a window as long as the trial: exactly one
    [InlineData(1, 1, 7680, 7680)]
    [InlineData(256, 7680, 7680, 1)]   // a stride longer than what is left: one window, no endless loop
    [InlineData(100, 1000, 7680, 8)]   // a stride longer than the window leaves gaps
    public void Window_counts_match_a_hand_computation(int length, int stride, int usable, int expected)
    {
        var windows = new WindowSet(Trials(), new WindowSettings(SignalDuration.FromSamples(length), SignalDuration.FromSamples(stride)));
        Assert.Equal(usable, windows.Trials.SamplesPerTrial - windows.Trials.BaselineSamples);
        Assert.Equal(expected, windows.WindowsPerTrial);
        var last = windows[expected - 1];
        Assert.True(last.Offset + last.Length <= windows.Trials.SamplesPerTrial);
        Assert.True(last.Offset + stride + length > windows.Trials.SamplesPerTrial, "one more window would still have fitted");
    }

    [Fact]
    public void Including_the_baseline_starts_at_sample_zero_and_counts_the_baseline()
    {
        var windows = new WindowSet(Trials(), Seconds(2, 1, baseline: true));
        Assert.Equal(0, windows[0].Offset);
        Assert.Equal(62, windows.WindowsPerTrial);
    }

    [Theory]
    [InlineData(0.0, 1.0, "window length")]
    [InlineData(-2.0, 1.0, "window length")]
    [InlineData(2.0, 0.0, "window stride")]
    [InlineData(2.0, -1.0, "window stride")]
    [InlineData(2.01, 1.0, "not a whole number")]    // 257.28 samples
    [InlineData(2.0, 0.001, "not a whole number")]   // 0.128 samples
    [InlineData(0.001, 1.0, "window length")]        // rounds to zero samples: refused, never a zero-length window
    [InlineData(61.0, 1.0, "longer than")]            // 61 s window in a 60 s trial
    public void Bad_lengths_and_strides_are_refused_naming_the_setting(double length, double stride, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new WindowSet(Trials(), Seconds(length, stride)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Sample_counts_refuse_zero_and_negative_and_a_window_longer_than_the_trial()
    {
        Assert.Contains("at least 1 sample", Assert.Throws<ArgumentException>(() =>
            new WindowSet(Trials(), new WindowSettings(SignalDuration.FromSamples(256), SignalDuration.FromSamples(0)))).Message);
        Assert.Throws<ArgumentException>(() =>
            new WindowSet(Trials(), new WindowSettings(SignalDuration.FromSamples(-5), SignalDuration.FromSamples(1))));
        Assert.Contains("7680 samples", Assert.Throws<ArgumentException>(() =>
            new WindowSet(Trials(), new WindowSettings(SignalDuration.FromSamples(7681), SignalDuration.FromSamples(1)))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SignalDuration.FromSeconds(double.NaN));
    }

    [Fact]
    public void Windows_are_views_of_the_trial_memory()
    {
        var trials = Trials(trialSeconds: 10);
        var windows = new WindowSet(trials, WindowSettings.Paper);
        for (int i = 0; i < windows.Count; i += 3)
        {
            var w = windows[i];
            for (int c = 0; c < windows.ChannelCount; c++)
            {
                var view = windows.Channel(i, c);
                var expected = trials.Recordings[0].Channel(w.Trial, c).Slice(w.Offset, w.Length);
                Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(view), ref MemoryMarshal.GetReference(expected)));
                Assert.Equal(w.Length, view.Length);
                Assert.True(view.Overlaps(trials.Recordings[0].Samples));
            }
        }
    }

    [Fact]
    public void A_windows_samples_follow_a_change_of_the_recordings_array()
    {
        // The recording keeps the caller's array; a window must read that array, not a copy taken earlier.
        var samples = new float[2 * 1 * 128 * 4];
        var recording = new SubjectRecording(1, samples, 2, ["C0"], 128, [new(5, 5, 5, 5), new(5, 5, 5, 5)], 1, "t");
        var windows = new WindowSet(new TrialSet([recording]), new WindowSettings(SignalDuration.FromSeconds(1), SignalDuration.FromSeconds(1)));
        Assert.Equal(0f, windows.Channel(4, 0)[5]);
        samples[512 + 128 + 128 + 5] = 42f;   // trial 1, second window after the 1 s baseline, sample 5
        Assert.Equal(42f, windows.Channel(4, 0)[5]);
    }

    [Fact]
    public void CopyBatch_writes_batch_channels_samples_in_the_order_asked()
    {
        var trials = new TrialSet([TestRecordings.Cycling(2, 3, channels: 4, trialSeconds: 5), TestRecordings.Cycling(1, 2, channels: 4, trialSeconds: 5)]);
        var windows = new WindowSet(trials, WindowSettings.Paper);
        int[] pick = [windows.Count - 1, 0, 7, 7, 3];
        var batch = new float[pick.Length * windows.ChannelCount * windows.Length];
        windows.CopyBatch(pick, batch);
        for (int b = 0; b < pick.Length; b++)
        {
            var w = windows[pick[b]];
            var key = trials.Key(w.Trial);
            var recording = trials.Recordings.Single(r => r.Subject == key.Subject);
            for (int c = 0; c < 4; c++)
                Assert.Equal(recording.Channel(key.Trial, c).Slice(w.Offset, w.Length).ToArray(),
                    batch.AsSpan((b * 4 + c) * windows.Length, windows.Length).ToArray());
        }
        Assert.Throws<ArgumentException>(() => windows.CopyBatch(pick, new float[batch.Length - 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => windows.CopyBatch([windows.Count], new float[4 * windows.Length]));
    }

    [Fact]
    public void Trial_sets_sort_subjects_and_refuse_disagreements()
    {
        var trials = new TrialSet([TestRecordings.Cycling(3, 2), TestRecordings.Cycling(1, 3)]);
        Assert.Equal([1, 3], trials.Subjects);
        Assert.Equal(new TrialKey(1, 0), trials.Key(0));
        Assert.Equal(new TrialKey(1, 2), trials.Key(2));
        Assert.Equal(new TrialKey(3, 0), trials.Key(3));
        Assert.Equal((3, 2), trials.TrialsOf(3));
        Assert.Equal(384, trials.BaselineSamples);
        Assert.True(trials.Samples(3).Overlaps(trials.Recordings[1].Samples));

        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new TrialSet([TestRecordings.Cycling(1, 2), TestRecordings.Cycling(1, 2)])).Message);
        Assert.Contains("channels", Assert.Throws<ArgumentException>(() => new TrialSet([TestRecordings.Cycling(1, 2), TestRecordings.Cycling(2, 2, channels: 4)])).Message);
        Assert.Contains("samples per trial", Assert.Throws<ArgumentException>(() => new TrialSet([TestRecordings.Cycling(1, 2), TestRecordings.Cycling(2, 2, trialSeconds: 5)])).Message);
        Assert.Contains("not a whole number", Assert.Throws<ArgumentException>(() => new TrialSet([TestRecordings.Cycling(1, 2, baselineSeconds: 0.001)])).Message);
        Assert.Throws<ArgumentException>(() => new TrialSet([]));
    }
}
