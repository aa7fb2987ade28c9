using System.CommandLine;

namespace Valence.Cli.Commands;

internal static class PreprocessCommand
{
    public static Command Create(CommandFactory factory) => new("preprocess", "todo");
}
