namespace Valence.Nn.Serialization;

/// <summary>
/// Thrown when a model or tensor file is truncated, corrupted or inconsistent. The message names the file, the
/// field or byte offset, and what is wrong.
/// </summary>
public sealed class ModelFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/> with a description of the problem.</summary>
    public ModelFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The file that was refused.</summary>
    public string Path { get; }
}
