using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using Valence.Cli.Commands;
using Valence.Eeg.Formats;
using Valence.Emotion.Experiments;
using Valence.Nn.Serialization;

namespace Valence.Cli;

/// <summary>
/// The <c>valence</c> command: builds the command tree, parses, and turns every outcome into an exit code: 0 done,
/// 1 failed, 2 a wrong command line, 130 interrupted. Errors go to standard error in one sentence; the stack trace
/// only with <c>--verbose</c>.
/// </summary>
public static partial class ValenceApp
{
    /// <summary>Runs the command line <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    /// <param name="interactive">Whether the output is a terminal (progress bars) rather than a file or pipe (plain lines).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive = false, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var global = new GlobalOptions();
        var root = new RootCommand("valence: emotion recognition from EEG (DEAP), with honest evaluation. Run 'valence demo' to see it end to end.");
        global.AddTo(root);
        var commands = new CommandFactory(global, output, error, interactive, cancellation);
        foreach (var command in commands.All()) root.Subcommands.Add(command);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            string command = parsed.CommandResult.Command == root ? "valence" : $"valence {parsed.CommandResult.Command.Name}";
            error.WriteLine($"{command}: {OneLine(parsed.Errors[0].Message).TrimEnd('.')}. See '{command} --help'.");
            return ExitCodes.Usage;
        }
        bool verbose = parsed.GetValue(global.Verbose);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Fail(e, error, verbose);
        }
    }

    private static int Fail(Exception e, TextWriter error, bool verbose)
    {
        var (code, message) = e switch
        {
            UsageException => (ExitCodes.Usage, e.Message),
            OperationCanceledException => (ExitCodes.Cancelled, "interrupted; a training run continues from its last completed epoch with --resume."),
            DataProblemsException or EegFormatException or ModelFormatException or FormatException or InvalidDataException
                or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException => (ExitCodes.Failure, e.Message),
            _ => (ExitCodes.Failure, $"unexpected {e.GetType().Name}: {e.Message}"),
        };
        error.WriteLine($"valence: {OneLine(message)}");
        if (verbose) error.WriteLine(e.ToString());
        else if (code == ExitCodes.Failure && message.StartsWith("unexpected", StringComparison.Ordinal)) error.WriteLine("Run with --verbose for the stack trace.");
        return code;
    }

    /// <summary>The message on one line, without the parameter name and actual value .NET appends to argument exceptions (the messages already name both).</summary>
    internal static string OneLine(string message)
    {
        message = ArgumentSuffix().Replace(message, "");
        return string.Join(" ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@" \(Parameter '[^']*'\)|\r?\nActual value was [^\n]*")]
    private static partial Regex ArgumentSuffix();
}
