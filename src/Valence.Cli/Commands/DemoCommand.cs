using System.CommandLine;

namespace Valence.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create(CommandFactory factory) => new("demo", "todo");
}
