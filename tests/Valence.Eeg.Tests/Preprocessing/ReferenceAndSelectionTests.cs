using Valence.Eeg.Preprocessing;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Tests.Preprocessing;

/// <summary>Common average reference, re-referencing, channel selection and the input checks every step makes.</summary>
public sealed class ReferenceAndSelectionTests
{
    [Fact]
    public void Common_average_reference_makes_the_channel_mean_zero_at_every_sample_and_leaves_other_channels()
    {
        SubjectRecording input = TestRecordings.Deap();
        var step = new CommonAverageReferenceStep(SignalDescription.Of(input), DeapChannels.Eeg);
        SubjectRecording output = step.Apply(input);
        for (int trial = 0; trial < input.TrialCount; trial++)
        {
            for (int t = 0; t < input.SamplesPerTrial; t++)
            {
                double mean = Enumerable.Range(0, 32).Average(c => (double)output.Channel(trial, c)[t]);
                Assert.True(Math.Abs(mean) < 1e-5, $"trial {trial} sample {t}: mean {mean}");
            }
            for (int c = 32; c < 40; c++) Assert.Equal(input.Channel(trial, c).ToArray(), output.Channel(trial, c).ToArray());
        }
        // Each channel lost exactly the common mean (computed here in double, then rounded as the step rounds).
        double common = Enumerable.Range(0, 32).Average(c => (double)input.Channel(1, c)[17]);
        Assert.Equal((float)(input.Channel(1, 5)[17] - common), output.Channel(1, 5)[17]);
        Assert.Equal(input.ChannelNames, output.ChannelNames);
        Assert.Equal("test | common average reference over 32 channels", output.Source);
    }

    [Fact]
    public void Re_reference_subtracts_the_named_channel_or_the_mean_of_several()
    {
        SubjectRecording input = TestRecordings.Deap();
        SubjectRecording toCz = new ReReferenceStep(SignalDescription.Of(input), ["Cz"], DeapChannels.Eeg).Apply(input);
        int cz = input.ChannelIndex("Cz"), fp1 = input.ChannelIndex("Fp1");
        for (int t = 0; t < input.SamplesPerTrial; t++)
        {
            Assert.Equal((float)((double)input.Channel(0, fp1)[t] - input.Channel(0, cz)[t]), toCz.Channel(0, fp1)[t]);
            Assert.Equal(0f, toCz.Channel(0, cz)[t]);
        }
        SubjectRecording linked = new ReReferenceStep(SignalDescription.Of(input), ["T7", "T8"], ["Fp1", "O2"]).Apply(input);
        int t7 = input.ChannelIndex("T7"), t8 = input.ChannelIndex("T8");
        double reference = ((double)input.Channel(1, t7)[9] + input.Channel(1, t8)[9]) / 2;
        Assert.Equal((float)(input.Channel(1, fp1)[9] - reference), linked.Channel(1, fp1)[9]);
        Assert.Equal(input.Channel(1, t7).ToArray(), linked.Channel(1, t7).ToArray());
    }

    [Fact]
    public void Selection_keeps_the_named_channels_in_the_order_named()
    {
        SubjectRecording input = TestRecordings.Deap();
        SubjectRecording output = new ChannelSelectionStep(SignalDescription.Of(input), ["cz", "Fp1", "vEOG"]).Apply(input);
        Assert.Equal(["Cz", "Fp1", "vEOG"], output.ChannelNames);
        Assert.Equal(input.Channel(1, input.ChannelIndex("Cz")).ToArray(), output.Channel(1, 0).ToArray());
        Assert.Equal(input.Channel(1, input.ChannelIndex("vEOG")).ToArray(), output.Channel(1, 2).ToArray());
    }

    [Fact]
    public void The_Emotiv_preset_picks_T7_not_C3()
    {
        SubjectRecording input = TestRecordings.Deap();
        SubjectRecording output = new ChannelSelectionStep(SignalDescription.Of(input), DeapChannels.Emotiv14).Apply(input);
        Assert.Equal(14, output.ChannelCount);
        Assert.Contains("T7", output.ChannelNames);
        Assert.DoesNotContain("C3", output.ChannelNames);
        Assert.Equal(input.Channel(0, 7).ToArray(), output.Channel(0, output.ChannelIndex("T7")).ToArray());
        Assert.Equal(7, input.ChannelIndex("T7"));
    }

    [Fact]
    public void An_unknown_channel_is_refused_with_the_list_of_channels_there_are()
    {
        SignalDescription input = SignalDescription.Of(TestRecordings.Deap());
        var error = Assert.Throws<InvalidSettingException>(() => new ChannelSelectionStep(input, ["Cz", "Xy9"]));
        Assert.Equal("channels", error.Setting);
        Assert.Contains("no channel 'Xy9'", error.Message);
        Assert.Contains("Fp1, AF3, F3", error.Message);
        Assert.Throws<InvalidSettingException>(() => new ChannelSelectionStep(input, ["Cz", "CZ"]));
        Assert.Throws<InvalidSettingException>(() => new CommonAverageReferenceStep(input, []));
    }

    [Fact]
    public void A_step_refuses_a_recording_other_than_the_one_it_was_built_for()
    {
        SubjectRecording input = TestRecordings.Deap();
        var step = new CommonAverageReferenceStep(SignalDescription.Of(input), DeapChannels.Eeg);
        SubjectRecording other = TestRecordings.Deap(sampleRate: 256);
        var error = Assert.Throws<ArgumentException>(() => step.Apply(other));
        Assert.Contains("256 Hz, not 128 Hz", error.Message);
        SubjectRecording fewer = new ChannelSelectionStep(SignalDescription.Of(input), DeapChannels.Eeg).Apply(input);
        Assert.Throws<ArgumentException>(() => step.Apply(fewer));
    }
}
