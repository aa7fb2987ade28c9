namespace Valence.Cli;

/// <summary>How the command reports what it does.</summary>
internal enum OutputMode
{
    /// <summary>Progress bars (or a line per epoch when the output is not a terminal) and tables.</summary>
    Normal,

    /// <summary>Nothing but errors and the final result's path.</summary>
    Quiet,

    /// <summary>One JSON object per line (events and results), for scripts.</summary>
    Json,
}
