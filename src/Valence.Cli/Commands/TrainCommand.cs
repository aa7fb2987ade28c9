using System.CommandLine;
using Spectre.Console;
using Valence.Cli.Output;
using Valence.Emotion.Experiments;

namespace Valence.Cli.Commands;

/// <summary><c>valence train</c>: one experiment on a DEAP folder, into a run folder.</summary>
internal static class TrainCommand
{
    public static Command Create(CommandFactory factory)
    {
        var options = new ExperimentOptions();
        var runs = CommandFactory.RunsOption();
        var name = new Option<string?>("--name") { Description = "The run's name and folder name under --runs. Default: <model>-<protocol>." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run of the same name from its checkpoints (the settings must be the same); ends with the same model as an uninterrupted run." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace a run of the same name." };
        var command = new Command("train", "Train a model on a DEAP folder under an evaluation protocol and write a run folder: metrics.json, report.md, plots, the model file(s) and settings.json.\n"
            + "Example: valence train --data DEAP/ --model cnn-lstm --protocol kfold");
        foreach (var option in options.All.Append(runs).Append(name).Append(resume).Append(overwrite)) command.Options.Add(option);
        command.SetAction(result =>
        {
            var context = factory.Context(result);
            string runsDirectory = result.GetValue(runs)!;
            var settings = Settings.From(options, result, runsDirectory);
            var target = new RunTarget(runsDirectory, result.GetValue(name) ?? $"{settings.Model.Preset}-{settings.Protocol.Name}",
                result.GetValue(resume), result.GetValue(overwrite));
            var outcome = context.Observe(observer => new ExperimentRunner(observer).Run(settings, target, context.Cancellation));
            Report(context, outcome);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Ends a run: the summary table and the folder (normal), the folder (quiet), or a "result" line (JSON).</summary>
    public static void Report(CliContext context, ExperimentResult outcome)
    {
        switch (context.Mode)
        {
            case OutputMode.Json:
                var json = ResultTables.Json(outcome.Report, outcome.Folder);
                json["seconds"] = outcome.Elapsed.TotalSeconds;
                context.Json.Write("result", json);
                break;
            case OutputMode.Quiet:
                context.Output.WriteLine(outcome.Folder);
                break;
            default:
                context.Console.Write(ResultTables.Run(outcome.Report));
                context.Console.MarkupLineInterpolated($"Run folder: [bold]{outcome.Folder}[/] ({outcome.Elapsed.TotalSeconds:F0} s)");
                break;
        }
    }
}
