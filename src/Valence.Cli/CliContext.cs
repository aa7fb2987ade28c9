using Spectre.Console;
using Valence.Emotion.Experiments;
using Valence.Cli.Output;

namespace Valence.Cli;

/// <summary>What every command needs: where to write, in which mode, and the cancellation of Ctrl+C.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, OutputMode mode, bool verbose, bool interactive, CancellationToken cancellation)
    {
        Output = output;
        Error = error;
        Mode = mode;
        Verbose = verbose;
        Interactive = interactive && mode == OutputMode.Normal;
        Cancellation = cancellation;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!Interactive) Console.Profile.Width = 160;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Normal, quiet or JSON lines.</summary>
    public OutputMode Mode { get; }

    /// <summary>Whether errors show their stack trace.</summary>
    public bool Verbose { get; }

    /// <summary>Whether progress bars are drawn (a terminal, normal mode).</summary>
    public bool Interactive { get; }

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Spectre's console over <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The JSON-lines writer, in JSON mode.</summary>
    public JsonLines Json => field ??= new JsonLines(Output);

    /// <summary>
    /// Runs <paramref name="work"/> with an observer that fits the mode: progress bars on a terminal, a line per
    /// epoch otherwise, JSON lines, or nothing.
    /// </summary>
    public T Observe<T>(Func<IExperimentObserver, T> work)
    {
        if (Mode == OutputMode.Json) return work(new JsonLinesObserver(Json));
        if (Mode == OutputMode.Quiet) return work(SilentObserver.Instance);
        if (!Interactive) return work(new TextObserver(Console));
        T result = default!;
        Console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress => result = work(new ProgressObserver(progress)));
        return result;
    }
}
