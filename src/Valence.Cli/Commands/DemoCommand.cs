using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Valence.Cli.Output;
using Valence.Emotion.Experiments;

namespace Valence.Cli.Commands;

/// <summary><c>valence demo</c>: synthetic DEAP data → both paper models and the baseline under the paper and trial-holdout protocols → reports and a comparison.</summary>
internal static class DemoCommand
{
    public static Command Create(CommandFactory factory)
    {
        var defaults = new DemoSettings();
        var output = new Option<string>("--out", "-o") { Description = "The demo's folder: data/, runs/<model>-<protocol>/, comparison.md and comparison.json (replaced if there).", DefaultValueFactory = _ => Path.Combine("runs", "demo") };
        var subjects = new Option<int>("--subjects") { Description = "Synthetic subjects (40 trials of 63 s each).", DefaultValueFactory = _ => defaults.Subjects };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per deep model.", DefaultValueFactory = _ => defaults.Epochs };
        var stride = new Option<double>("--stride") { Description = "Seconds between the starts of the 2 s windows.", DefaultValueFactory = _ => defaults.StrideSeconds };
        var seed = new Option<int>("--seed") { Description = "Seed of the data, the splits and training.", DefaultValueFactory = _ => defaults.Seed };
        var models = new Option<string>("--models") { Description = "Models to train, separated by commas (bandpower is the baseline).", DefaultValueFactory = _ => string.Join(",", defaults.Models) };
        var protocols = new Option<string>("--protocols") { Description = "Protocols, separated by commas.", DefaultValueFactory = _ => string.Join(",", defaults.Protocols) };
        var command = new Command("demo", "The main job: generate a synthetic DEAP-format set, preprocess it DEAP-style, train the paper's cnn-lstm and cnn-gru and the band-power "
            + "baseline under the paper's (leaky) random window split and under trial-holdout, and write the reports and a comparison. About two minutes on 2 cores.");
        foreach (var option in new Option[] { output, subjects, epochs, stride, seed, models, protocols }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var context = factory.Context(result);
            DemoSettings settings;
            try
            {
                settings = new DemoSettings
                {
                    Subjects = result.GetValue(subjects), Epochs = result.GetValue(epochs), StrideSeconds = result.GetValue(stride), Seed = result.GetValue(seed),
                    Models = List(result.GetValue(models)!), Protocols = List(result.GetValue(protocols)!),
                };
                foreach (var model in settings.Models)
                    foreach (var protocol in settings.Protocols) settings.Experiment("data", model, protocol).Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            var demo = context.Observe(observer => Demo.Run(settings, Path.GetFullPath(result.GetValue(output)!), observer, context.Cancellation));
            Report(context, demo);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static void Report(CliContext context, DemoResult demo)
    {
        switch (context.Mode)
        {
            case OutputMode.Json:
                var runs = new JsonArray();
                foreach (var run in demo.Runs) runs.Add(ResultTables.Json(run.Report, run.Folder));
                context.Json.Write("result", new JsonObject { ["folder"] = demo.Folder, ["seconds"] = demo.Elapsed.TotalSeconds, ["runs"] = runs });
                break;
            case OutputMode.Quiet:
                context.Output.WriteLine(demo.Folder);
                break;
            default:
                context.Console.Write(ResultTables.Comparison(demo.Comparison));
                context.Console.MarkupLineInterpolated($"Reports: [bold]{demo.Folder}[/] (comparison.md; runs/<model>-<protocol>/report.md). Took {demo.Elapsed.TotalMinutes:F1} min.");
                break;
        }
    }
}
