using System.CommandLine;

namespace Valence.Cli.Commands;

internal static class CompareCommand
{
    public static Command Create(CommandFactory factory) => new("compare", "todo");
}
