using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Edf;
using Valence.Eeg.Synthetic;

namespace Valence.Eeg.Tests.Synthetic;

public sealed class SyntheticDeapWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("valence-synth-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly SyntheticDeapOptions Small = new() { Seed = 3, SubjectCount = 2, TrialCount = 4, TrialSeconds = 4 };

    [Theory]
    [InlineData(DeapFormat.PreprocessedPython)]
    [InlineData(DeapFormat.PreprocessedMatlab)]
    public void Preprocessed_files_read_back_exactly_what_was_generated(DeapFormat format)
    {
        string folder = Path.Combine(_root, format.ToString());
        var files = SyntheticDeapWriter.Write(folder, Small, format);
        Assert.Equal(2, files.Count);

        var generator = new SyntheticDeapGenerator(Small);
        var deap = DeapFolder.Open(folder);
        Assert.Equal(format, deap.Format);
        foreach (var read in deap.ReadAll())
        {
            var expected = generator.GenerateSubject(read.Subject);
            Assert.Equal(expected.Samples.ToArray(), read.Samples.ToArray());
            Assert.Equal(expected.Ratings, read.Ratings);
            Assert.Equal(expected.ChannelNames, read.ChannelNames);
            Assert.Equal(128, read.SampleRate);
        }
    }

    [Fact]
    public void Raw_files_hold_the_session_to_within_one_BioSemi_step_and_cut_into_the_same_trials()
    {
        string folder = Path.Combine(_root, "raw");
        SyntheticDeapWriter.Write(folder, Small, DeapFormat.Raw);
        Assert.True(File.Exists(Path.Combine(folder, DeapFolder.RatingsFileName)));

        var session = new SyntheticDeapGenerator(Small).GenerateRawSession(2);
        using (var bdf = EdfReader.Open(Path.Combine(folder, "s02.bdf")))
        {
            Assert.Equal(session.Channels.Count + 1, bdf.Header.Signals.Count);
            for (int c = 0; c < session.Channels.Count; c += 7)
            {
                var channel = session.Channels[c];
                var read = bdf.ReadPhysical(c);
                var signal = bdf.Header.Signals[c];
                double step = (signal.PhysicalMaximum - signal.PhysicalMinimum) / (signal.DigitalMaximum - signal.DigitalMinimum);
                for (int i = 0; i < channel.Length; i += 97)
                    Assert.True(Math.Abs(read[i] - channel.Samples[i]) <= step, $"{channel.Label}[{i}]: {read[i]} vs {channel.Samples[i]}");
            }
            Assert.Equal(session.Status.ToArray(), bdf.ReadDigital(session.Channels.Count)[..session.SampleCount]);
        }

        var deap = DeapFolder.Open(folder, rawOptions: new Valence.Eeg.Formats.Deap.DeapRawOptions { TrialCount = 4, TrialSeconds = 4 });
        Assert.Equal([1, 2], deap.Subjects);
        var recording = deap.Read(2);
        Assert.Equal(4, recording.TrialCount);
        Assert.Equal(512, recording.SampleRate);
        Assert.Equal(new SyntheticDeapGenerator(Small).GenerateSubject(2).Ratings, recording.Ratings);
    }
}
