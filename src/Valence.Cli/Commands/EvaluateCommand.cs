using System.CommandLine;

namespace Valence.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create(CommandFactory factory) => new("evaluate", "todo");
}
