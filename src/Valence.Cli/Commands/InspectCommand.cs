using System.CommandLine;

namespace Valence.Cli.Commands;

internal static class InspectCommand
{
    public static Command Create(CommandFactory factory) => new("inspect", "todo");
}
