namespace Valence.Cli;

/// <summary>The exit codes of the valence command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command failed (bad data, a file that cannot be read, training that diverged).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown option, a bad value, a missing argument.</summary>
    public const int Usage = 2;

    /// <summary>The command was interrupted (Ctrl+C); a training run can be resumed.</summary>
    public const int Cancelled = 130;
}
