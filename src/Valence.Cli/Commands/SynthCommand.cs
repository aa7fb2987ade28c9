using System.CommandLine;
using Spectre.Console;
using System.Text.Json.Nodes;
using Valence.Eeg.Synthetic;

namespace Valence.Cli.Commands;

/// <summary><c>valence synth</c>: writes a synthetic DEAP folder in one of DEAP's forms.</summary>
internal static class SynthCommand
{
    public static Command Create(CommandFactory factory)
    {
        var defaults = new SyntheticDeapOptions();
        var output = new Option<string>("--out", "-o") { Description = "The folder to write (created if needed; DEAP files already there are replaced).", Required = true };
        var format = new Option<string>("--format") { Description = "dat (DEAP's preprocessed Python pickles), mat (preprocessed MATLAB) or bdf (raw BioSemi recordings with participant_ratings.csv).", DefaultValueFactory = _ => "dat" };
        format.AcceptOnlyFromAmong(ExperimentOptions.Formats.Names);
        var subjects = new Option<int>("--subjects") { Description = "Subjects to generate (1–32).", DefaultValueFactory = _ => defaults.SubjectCount };
        var trials = new Option<int>("--trials") { Description = "Trials per subject (4–40).", DefaultValueFactory = _ => defaults.TrialCount };
        var seconds = new Option<double>("--trial-seconds") { Description = "Seconds of each trial after the 3 s baseline (2–600).", DefaultValueFactory = _ => defaults.TrialSeconds };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random draw: the same seed gives the same files.", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("synth", "Write a synthetic DEAP folder (with a known emotion effect: frontal alpha asymmetry for valence, band power for arousal) in any of DEAP's forms.");
        foreach (var option in new Option[] { output, format, subjects, trials, seconds, seed }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var context = factory.Context(result);
            SyntheticDeapOptions options;
            try
            {
                options = new SyntheticDeapOptions { SubjectCount = result.GetValue(subjects), TrialCount = result.GetValue(trials), TrialSeconds = result.GetValue(seconds), Seed = result.GetValue(seed) };
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            string folder = Path.GetFullPath(result.GetValue(output)!);
            var form = ExperimentOptions.Formats.ValueOf(result.GetValue(format)!);
            var written = context.Observe(_ => SyntheticDeapWriter.Write(folder, options, form, Progress(context, options.SubjectCount), context.Cancellation));
            if (context.Mode == OutputMode.Json)
                context.Json.Write("result", new JsonObject { ["folder"] = folder, ["format"] = result.GetValue(format), ["subjects"] = options.SubjectCount, ["files"] = written.Count });
            else if (context.Mode == OutputMode.Quiet) context.Output.WriteLine(folder);
            else context.Console.MarkupLineInterpolated($"Wrote {written.Count} files ({options.SubjectCount} subjects × {options.TrialCount} trials, {result.GetValue(format)}) to [bold]{folder}[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IProgress<int> Progress(CliContext context, int total) => new SubjectProgress(context, total);

    private sealed class SubjectProgress(CliContext context, int total) : IProgress<int>
    {
        public void Report(int subject)
        {
            if (context.Mode == OutputMode.Json) context.Json.Write("subject", new JsonObject { ["subject"] = subject, ["total"] = total });
            else if (context.Mode == OutputMode.Normal) context.Console.WriteLine($"  s{subject:D2} written ({subject}/{total})");
        }
    }
}
