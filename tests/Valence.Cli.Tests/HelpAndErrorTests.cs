namespace Valence.Cli.Tests;

public class HelpAndErrorTests
{
    [Fact]
    public void Help_lists_every_command()
    {
        var cli = Cli.Run("--help");

        Assert.Equal(0, cli.ExitCode);
        foreach (string command in new[] { "demo", "synth", "inspect", "preprocess", "train", "evaluate", "compare" })
            Assert.Contains($"  {command}", cli.Output);
    }

    [Fact]
    public void Train_help_explains_every_option_with_its_default()
    {
        var cli = Cli.Run("train", "--help");

        Assert.Equal(0, cli.ExitCode);
        foreach (string option in new[] { "--data", "--model", "--protocol", "--epochs", "--batch-size", "--learning-rate", "--normalization", "--window", "--stride", "--resume", "--seed" })
            Assert.Contains(option, cli.Output);
        Assert.Contains("[default: 50]", cli.Output);
        Assert.Contains("[default: cnn-lstm]", cli.Output);
        Assert.Contains("[default: trial-holdout]", cli.Output);
    }

    [Theory]
    [InlineData("train", "--data", "x", "--bogus")]
    [InlineData("train", "--data", "x", "--protocol", "random")]
    [InlineData("train", "--data", "x", "--epochs", "zero")]
    [InlineData("train", "--data", "x", "--epochs", "0")]
    [InlineData("train", "--data", "x", "--subjects", "3-1")]
    [InlineData("train", "--data", "x", "--quiet", "--json")]
    [InlineData("frobnicate")]
    [InlineData("synth", "--out", "x", "--subjects", "99")]
    public void A_bad_command_line_gives_exit_code_2_and_one_sentence_on_stderr(params string[] args)
    {
        var cli = Cli.Run(args);

        Assert.Equal(2, cli.ExitCode);
        Assert.Single(cli.ErrorLines);
        Assert.Equal("", cli.Output);
        Assert.DoesNotContain(" at Valence.", cli.Error);
    }

    [Fact]
    public void A_failure_gives_exit_code_1_and_a_stack_trace_only_with_verbose()
    {
        string missing = Path.Combine(Path.GetTempPath(), "valence-no-such-folder");

        var quiet = Cli.Run("train", "--data", missing, "--no-cache");
        var verbose = Cli.Run("train", "--data", missing, "--no-cache", "--verbose");

        Assert.Equal(1, quiet.ExitCode);
        Assert.Single(quiet.ErrorLines);
        Assert.Contains("no such folder", quiet.Error);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains(" at Valence.", verbose.Error);
    }
}
