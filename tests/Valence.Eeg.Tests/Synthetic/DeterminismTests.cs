using System.Runtime.InteropServices;
using Valence.Eeg.Recordings;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

/// <summary>The same seed gives the same data bit for bit; another seed other data; a subject never depends on the others.</summary>
public class DeterminismTests
{
    private static readonly SyntheticDeapOptions Small = new() { TrialCount = 8, TrialSeconds = 4, SubjectCount = 6 };

    [Fact]
    public void The_same_seed_gives_bit_identical_recordings()
    {
        var a = new SyntheticDeapGenerator(Small).GenerateSubject(2);
        var b = new SyntheticDeapGenerator(Small).GenerateSubject(2);
        Assert.True(Bits(a.Samples).SequenceEqual(Bits(b.Samples)));
        Assert.Equal(a.Ratings, b.Ratings);
    }

    [Fact]
    public void Another_seed_gives_other_signals_and_ratings()
    {
        var a = new SyntheticDeapGenerator(Small).GenerateSubject(2);
        var b = new SyntheticDeapGenerator(Small with { Seed = 2 }).GenerateSubject(2);
        int same = 0;
        for (int i = 0; i < a.Samples.Length; i++) if (a.Samples[i] == b.Samples[i]) same++;
        Assert.True(same < a.Samples.Length / 1000, $"{same} of {a.Samples.Length} samples equal");
        Assert.NotEqual(a.Ratings, b.Ratings);
    }

    [Fact]
    public void A_subject_is_the_same_however_many_subjects_come_before_or_exist()
    {
        var alone = new SyntheticDeapGenerator(Small with { SubjectCount = 3 }).GenerateSubject(3);
        var third = new SyntheticDeapGenerator(Small).GenerateSubjects().Skip(2).First();
        Assert.Equal(3, third.Subject);
        Assert.True(Bits(alone.Samples).SequenceEqual(Bits(third.Samples)));
        Assert.Equal(alone.Ratings, third.Ratings);
        // Subjects differ from each other.
        var second = new SyntheticDeapGenerator(Small).GenerateSubject(2);
        Assert.NotEqual(second.Ratings, third.Ratings);
    }

    [Fact]
    public void GenerateSubjects_yields_every_configured_subject_in_order()
    {
        var subjects = new SyntheticDeapGenerator(Small).GenerateSubjects().Select(r => r.Subject);
        Assert.Equal(Enumerable.Range(1, Small.SubjectCount), subjects);
    }

    [Fact]
    public void The_raw_session_is_bit_identical_for_the_same_seed()
    {
        var options = RawSessionTests.Short with { TrialCount = 4 };
        var a = new SyntheticDeapGenerator(options).GenerateRawSession(5);
        var b = new SyntheticDeapGenerator(options).GenerateRawSession(5);
        Assert.True(a.Status.SequenceEqual(b.Status));
        for (int c = 0; c < a.Channels.Count; c++)
            Assert.True(Bits(a.Channels[c].Samples).SequenceEqual(Bits(b.Channels[c].Samples)), a.Channels[c].Label);
    }

    private static ReadOnlySpan<int> Bits(ReadOnlySpan<float> samples) => MemoryMarshal.Cast<float, int>(samples);
}
