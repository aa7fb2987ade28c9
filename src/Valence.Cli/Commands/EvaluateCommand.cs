using System.CommandLine;
using Valence.Emotion.Experiments;

namespace Valence.Cli.Commands;

/// <summary><c>valence evaluate</c>: a saved model on a data folder.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CommandFactory factory)
    {
        var model = new Option<string>("--model") { Description = "A model file saved by 'valence train' (runs/<name>/model.safetensors or model-foldN.safetensors).", Required = true };
        var data = new Option<string?>("--data") { Description = "The DEAP folder to evaluate on, prepared as the model's training data was. Default: the folder the model was trained on." };
        var subjects = new Option<string?>("--subjects") { Description = "The subjects to use, such as 1-8. Default: those the model was trained with (with --data: every subject)." };
        var on = new Option<string>("--on") { Description = "test: the test windows of the split the model was trained under (needs the same data); all: every window (honest only on data the model never saw).", DefaultValueFactory = _ => "test" };
        on.AcceptOnlyFromAmong("test", "all");
        var runs = CommandFactory.RunsOption();
        var name = new Option<string?>("--name") { Description = "The run's name under --runs. Default: evaluate-<model file's run folder>." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace a run of the same name." };
        var command = new Command("evaluate", "Score a saved model on a data folder (its held-out test split, or every window) and write a run folder with the metrics and plots.");
        foreach (var option in new Option[] { model, data, subjects, on, runs, name, overwrite }) command.Options.Add(option);
        command.SetAction(result =>
        {
            var context = factory.Context(result);
            string path = result.GetValue(model)!;
            DataSettings? given = null;
            if (result.GetValue(data) is { } folder) given = new DataSettings { Folder = folder };
            if (result.GetValue(subjects) is { } list)
                given = (given ?? new DataSettings { Folder = null }) with { Subjects = OptionValues.Subjects(list, "--subjects") };
            if (given is { Folder: null })
                throw new UsageException("--subjects needs --data: the subjects of the training data are the split's.");
            string runName = result.GetValue(name) ?? $"evaluate-{new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(path))!).Name}";
            var scope = result.GetValue(on) == "all" ? EvaluationScope.All : EvaluationScope.Test;
            var outcome = context.Observe(observer => ModelEvaluation.Run(path, given, scope,
                new RunTarget(result.GetValue(runs)!, runName, Overwrite: result.GetValue(overwrite)), observer, context.Cancellation));
            TrainCommand.Report(context, outcome);
            return ExitCodes.Success;
        });
        return command;
    }
}
