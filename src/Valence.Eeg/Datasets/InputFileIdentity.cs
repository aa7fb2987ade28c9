using System.Globalization;
using System.Security.Cryptography;

namespace Valence.Eeg.Datasets;

/// <summary>
/// What a cache key knows of one input file: its full path, length, last write time and a SHA-256 of its first and
/// last MiB (of the whole file when it is 2 MiB or smaller).
/// </summary>
/// <remarks>
/// Why not a SHA-256 of the whole file: a DEAP subject file is about 100 MB (raw BDF: 200+ MB), and hashing it on every
/// run would cost a good part of what the cache saves. Length and last write time change with every ordinary
/// rewrite, and the head and tail catch a file replaced by another of the same size with a preserved time stamp
/// (a copy with <c>cp -p</c>, an archive extraction). What goes unnoticed is an edit inside the middle of a file
/// that keeps its length and resets its time stamp: that takes intent.
/// </remarks>
/// <param name="FullPath">The absolute path.</param>
/// <param name="Length">Bytes.</param>
/// <param name="LastWriteUtcTicks">Last write time, UTC ticks.</param>
/// <param name="HeadTailSha256">SHA-256 of the first MiB followed by the last MiB (or of the whole file), lower-case hex.</param>
public sealed record InputFileIdentity(string FullPath, long Length, long LastWriteUtcTicks, string HeadTailSha256)
{
    private const int Edge = 1 << 20;

    /// <summary>Reads the identity of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static InputFileIdentity Of(string path)
    {
        string full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists) throw new FileNotFoundException($"Input file {full} does not exist.", full);
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        long length = stream.Length;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[(int)Math.Min(length, 2L * Edge)];
        if (length <= 2L * Edge)
            stream.ReadExactly(buffer);
        else
        {
            stream.ReadExactly(buffer.AsSpan(0, Edge));
            stream.Seek(-Edge, SeekOrigin.End);
            stream.ReadExactly(buffer.AsSpan(Edge, Edge));
        }
        hash.AppendData(buffer);
        return new InputFileIdentity(full, length, info.LastWriteTimeUtc.Ticks, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>One line: path, length, time and hash; the path's length is given first so no path can imitate another field.</summary>
    public string Canonical => string.Create(CultureInfo.InvariantCulture,
        $"{FullPath.Length}:{FullPath}|{Length}|{LastWriteUtcTicks}|{HeadTailSha256}");
}
