using System.CommandLine;

namespace Valence.Cli.Commands;

/// <summary>Builds the commands, and the context each one runs in once parsed.</summary>
internal sealed class CommandFactory(GlobalOptions global, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellation)
{
    /// <summary>Every command, in the order help lists them.</summary>
    public IEnumerable<Command> All() =>
    [
        DemoCommand.Create(this), SynthCommand.Create(this), InspectCommand.Create(this), PreprocessCommand.Create(this),
        TrainCommand.Create(this), EvaluateCommand.Create(this), CompareCommand.Create(this),
    ];

    /// <summary>The context of a parsed command line.</summary>
    public CliContext Context(ParseResult result) =>
        new(output, error, global.Mode(result), result.GetValue(global.Verbose), interactive, cancellation);

    /// <summary>The option naming the folder run folders go into.</summary>
    public static Option<string> RunsOption() =>
        new("--runs") { Description = "The folder that holds run folders.", DefaultValueFactory = _ => "runs" };
}
