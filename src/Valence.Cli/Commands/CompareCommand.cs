using System.CommandLine;
using System.Text;
using Spectre.Console;
using Valence.Cli.Output;
using Valence.Emotion.Reports;

namespace Valence.Cli.Commands;

/// <summary><c>valence compare RUN…</c>: run folders side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(CommandFactory factory)
    {
        var runs = new Argument<string[]>("RUN") { Description = "Run folders (each holding a metrics.json), or folders of run folders.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out", "-o") { Description = "Also write comparison.md and comparison.json into this folder. Default: print only." };
        var command = new Command("compare", "Put several runs side by side (models × protocols), the band-power baseline first, leaky protocols marked.");
        command.Arguments.Add(runs);
        command.Options.Add(output);
        command.SetAction(result =>
        {
            var context = factory.Context(result);
            var folders = result.GetValue(runs)!.SelectMany(RunFolders).Distinct().ToArray();
            var comparison = RunComparison.Load(folders);
            if (result.GetValue(output) is { } target)
            {
                Directory.CreateDirectory(target);
                comparison.Write(target);
            }
            if (context.Mode == OutputMode.Json) context.Output.WriteLine(Encoding.UTF8.GetString(comparison.ToJson()).ReplaceLineEndings(" "));
            else if (context.Mode == OutputMode.Normal) context.Console.Write(ResultTables.Comparison(comparison));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The folder itself when it holds a metrics.json, else its subfolders that do.</summary>
    private static IEnumerable<string> RunFolders(string folder)
    {
        if (File.Exists(Path.Combine(folder, RunFiles.Metrics)) || !Directory.Exists(folder)) return [folder];
        var inside = Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, RunFiles.Metrics))).Order(StringComparer.Ordinal).ToArray();
        return inside.Length > 0 ? inside : [folder];
    }
}
