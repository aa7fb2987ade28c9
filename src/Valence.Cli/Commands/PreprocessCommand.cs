using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Valence.Emotion.Experiments;

namespace Valence.Cli.Commands;

/// <summary><c>valence preprocess</c>: preprocesses a DEAP folder into the cache that train and evaluate read.</summary>
internal static class PreprocessCommand
{
    public static Command Create(CommandFactory factory)
    {
        var options = new ExperimentOptions();
        var runs = CommandFactory.RunsOption();
        var command = new Command("preprocess", "Preprocess a DEAP folder (baseline, channel selection) into the preprocessed cache, so that 'valence train' with the same data options starts at once.");
        foreach (var option in options.DataOptions.Append(runs)) command.Options.Add(option);
        command.SetAction(result =>
        {
            var context = factory.Context(result);
            var settings = Settings.From(options, result, result.GetValue(runs)!);
            if (settings.Data.CacheFolder is null) throw new UsageException("preprocess writes into the cache; drop --no-cache.");
            var prepared = context.Observe(observer => ExperimentData.Prepare(settings, observer, context.Cancellation));
            if (context.Mode == OutputMode.Json)
            {
                foreach (var p in prepared)
                    context.Json.Write("preprocessed", new JsonObject { ["subject"] = p.Subject, ["cache"] = p.Cache.ToString(), ["trials"] = p.Trials, ["channels"] = p.Channels, ["samples"] = p.SamplesPerTrial, ["sampleRate"] = p.SampleRate });
                return ExitCodes.Success;
            }
            if (context.Mode == OutputMode.Quiet)
            {
                context.Output.WriteLine(Path.GetFullPath(settings.Data.CacheFolder));
                return ExitCodes.Success;
            }
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"preprocessed into {Path.GetFullPath(settings.Data.CacheFolder)}"))
                .AddColumn("subject").AddColumn("cache").AddColumn("trials × channels × samples").AddColumn("sample rate");
            foreach (var p in prepared)
                table.AddRow($"s{p.Subject:D2}", p.Cache.ToString().ToLowerInvariant(), $"{p.Trials} × {p.Channels} × {p.SamplesPerTrial}", $"{p.SampleRate} Hz");
            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
