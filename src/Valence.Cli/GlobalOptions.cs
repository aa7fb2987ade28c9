using System.CommandLine;

namespace Valence.Cli;

/// <summary>Options every command takes: how much to say and in which form.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Show the stack trace of an error.", Recursive = true };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print nothing but errors and the final result (for scripts).", Recursive = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print progress and results as JSON lines, one object per line (for scripts).", Recursive = true };

    public void AddTo(Command root)
    {
        root.Options.Add(Verbose);
        root.Options.Add(Quiet);
        root.Options.Add(Json);
    }

    /// <summary>The output mode asked for.</summary>
    /// <exception cref="UsageException">Both --quiet and --json.</exception>
    public OutputMode Mode(ParseResult result)
    {
        bool quiet = result.GetValue(Quiet), json = result.GetValue(Json);
        if (quiet && json) throw new UsageException("--quiet and --json cannot be combined; choose one.");
        return json ? OutputMode.Json : quiet ? OutputMode.Quiet : OutputMode.Normal;
    }
}
