namespace Valence.Eeg.Formats;

/// <summary>
/// Thrown when an EEG or ratings file is truncated, corrupted, inconsistent or not what it claims to be. The message
/// names the file, the place (field, byte offset, record or trial) and the reason.
/// </summary>
public sealed class EegFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>; <paramref name="place"/> says where (for example "byte 1234" or "header field 'nr'").</summary>
    public EegFormatException(string path, string place, string reason, Exception? inner = null)
        : base($"{path}: {place}: {reason}", inner)
    {
        Path = path;
        Place = place;
        Reason = reason;
    }

    /// <summary>The file that was refused.</summary>
    public string Path { get; }

    /// <summary>Where in the file the problem is.</summary>
    public string Place { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
