using System.Text;
using System.Text.RegularExpressions;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Formats.Mat;
using Valence.Eeg.Formats.Pickle;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Formats;

/// <summary>
/// One entry point to DEAP on disk: a folder (or a single subject's file) in any of DEAP's forms, with the format
/// detected, subjects found in numeric order, problems reported up front, and subjects read one at a time.
/// </summary>
/// <remarks>
/// A folder is searched for <c>sNN.dat</c>, <c>sNN.mat</c> or <c>sNN.bdf</c> files (DEAP's own names); DEAP's
/// download layout, with the files in <c>data_preprocessed_python</c>, <c>data_preprocessed_matlab</c> or
/// <c>data_original</c> below the folder given, is found too. A folder holding more than one form must be opened
/// with an explicit <see cref="DeapFormat"/>. Subjects stream: nothing is loaded until <see cref="Read"/>.
/// </remarks>
public sealed partial class DeapFolder
{
    private static readonly (DeapFormat Format, string Extension, string DownloadFolder)[] Forms =
    [
        (DeapFormat.PreprocessedPython, ".dat", "data_preprocessed_python"),
        (DeapFormat.PreprocessedMatlab, ".mat", "data_preprocessed_matlab"),
        (DeapFormat.Raw, ".bdf", "data_original"),
    ];

    /// <summary>The name of the ratings file that raw recordings need.</summary>
    public const string RatingsFileName = "participant_ratings.csv";

    private readonly SortedDictionary<int, string> _files;
    private readonly DeapRawOptions _rawOptions;
    private DeapRatingsTable? _ratings;

    private DeapFolder(string location, DeapFormat format, SortedDictionary<int, string> files, string? ratingsPath, DeapRawOptions rawOptions)
    {
        Location = location;
        Format = format;
        _files = files;
        RatingsPath = ratingsPath;
        _rawOptions = rawOptions;
    }

    /// <summary>The folder (or file) that was opened.</summary>
    public string Location { get; }

    /// <summary>The form the data is in.</summary>
    public DeapFormat Format { get; }

    /// <summary>Participant numbers found, in increasing order.</summary>
    public IReadOnlyList<int> Subjects => _files.Keys.ToArray();

    /// <summary>The ratings file used for raw recordings (null for the preprocessed forms).</summary>
    public string? RatingsPath { get; }

    /// <summary>The file that holds <paramref name="subject"/>.</summary>
    public string FileOf(int subject) =>
        _files.TryGetValue(subject, out var path) ? path
            : throw new ArgumentException($"{Location} has no subject {subject}; it has {string.Join(", ", Subjects)}.", nameof(subject));

    /// <summary>Opens a DEAP folder or one subject's file, detecting the form from DEAP's file names.</summary>
    /// <param name="path">A folder, or one <c>sNN.dat</c>/<c>sNN.mat</c>/<c>sNN.bdf</c> file.</param>
    /// <param name="format">The form to use when a folder holds more than one; otherwise detected.</param>
    /// <param name="rawOptions">How raw recordings are cut into trials (DEAP's lengths by default).</param>
    /// <exception cref="DirectoryNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="EegFormatException">No DEAP files are there, several forms are and none was chosen, or raw recordings lack their ratings file.</exception>
    public static DeapFolder Open(string path, DeapFormat? format = null, DeapRawOptions? rawOptions = null)
    {
        rawOptions ??= new DeapRawOptions();
        if (File.Exists(path)) return OpenFile(Path.GetFullPath(path), format, rawOptions);
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException($"{path}: no such folder or file.");
        string folder = Path.GetFullPath(path);
        var found = Forms
            .Where(f => format is null || f.Format == format)
            .Select(f => (f.Format, Folder: FolderWithFiles(folder, f.Extension, f.DownloadFolder), f.Extension))
            .Where(f => f.Folder is not null)
            .ToList();
        if (found.Count == 0)
            throw new EegFormatException(folder, "folder", format is null
                ? "no DEAP files (sNN.dat, sNN.mat or sNN.bdf) here or in data_preprocessed_python/, data_preprocessed_matlab/ or data_original/."
                : $"no DEAP files of the {format} form here.");
        if (found.Count > 1)
            throw new EegFormatException(folder, "folder",
                $"holds DEAP files in several forms ({string.Join(", ", found.Select(f => f.Format))}); choose one with the format option.");
        var (chosen, where, extension) = found[0];
        return Create(folder, chosen, SubjectFiles(where!, extension), where!, rawOptions);
    }

    /// <summary>
    /// Looks at every subject's file without reading it whole: present, not empty, the right magic bytes (and, for
    /// raw recordings, rows in the ratings file), and lists the numbers missing between 1 and the highest found.
    /// Meant to run before a long job, so that every problem is named at once.
    /// </summary>
    public IReadOnlyList<DeapSubjectStatus> Survey()
    {
        var statuses = new List<DeapSubjectStatus>();
        int last = _files.Count == 0 ? 0 : _files.Keys.Max();
        for (int subject = 1; subject <= last; subject++)
        {
            if (!_files.TryGetValue(subject, out var file))
                statuses.Add(new DeapSubjectStatus(subject, Path.Combine(Location, SubjectFileName(subject)), "missing"));
            else
                statuses.Add(new DeapSubjectStatus(subject, file, ProblemWith(subject, file)));
        }
        return statuses;
    }

    /// <summary>Reads one subject's recording.</summary>
    /// <exception cref="EegFormatException">The file is corrupt or inconsistent; the message names file, place and reason.</exception>
    public SubjectRecording Read(int subject)
    {
        string file = FileOf(subject);
        return Format switch
        {
            DeapFormat.PreprocessedPython => DeapDatReader.Read(file, subject),
            DeapFormat.PreprocessedMatlab => DeapMatReader.Read(file, new DeapMatReadOptions { Subject = subject }),
            _ => DeapRawReader.Read(file, Ratings(), subject, _rawOptions),
        };
    }

    /// <summary>Reads the subjects one at a time, in increasing order; only one recording is alive per step.</summary>
    public IEnumerable<SubjectRecording> ReadAll(IEnumerable<int>? subjects = null)
    {
        foreach (int subject in subjects ?? Subjects) yield return Read(subject);
    }

    /// <summary>DEAP's file name of a subject in this folder's form, for example <c>s07.dat</c>.</summary>
    public string SubjectFileName(int subject) => $"s{subject:D2}{Forms.First(f => f.Format == Format).Extension}";

    private DeapRatingsTable Ratings() => _ratings ??= DeapRatingsTable.Load(RatingsPath!);

    private string? ProblemWith(int subject, string file)
    {
        var info = new FileInfo(file);
        if (info.Length == 0) return "the file is empty";
        Span<byte> head = stackalloc byte[128];
        int read;
        using (var stream = info.OpenRead()) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        string? magic = Format switch
        {
            DeapFormat.PreprocessedPython => head[0] is 0x80 or (byte)'(' or (byte)'}' ? null : "does not start like a pickle",
            DeapFormat.PreprocessedMatlab => MatMagic(head),
            _ => head.Length >= 8 && head[0] == 0xFF && head[1..8].SequenceEqual("BIOSEMI"u8) ? null : "does not start like a BDF file (0xFF BIOSEMI)",
        };
        if (magic is not null || Format != DeapFormat.Raw) return magic;
        try
        {
            Ratings().ForParticipant(subject);
            return null;
        }
        catch (EegFormatException e)
        {
            return $"{RatingsFileName}: {e.Reason}";
        }
    }

    private static string? MatMagic(ReadOnlySpan<byte> head)
    {
        string text = Encoding.ASCII.GetString(head[..Math.Min(head.Length, 20)]);
        if (text.StartsWith("MATLAB 7.3", StringComparison.Ordinal)) return "is MATLAB v7.3 (HDF5), which is not supported; re-save with -v7";
        return text.StartsWith("MATLAB 5.0 MAT-file", StringComparison.Ordinal) ? null : "does not start like a MAT 5 file";
    }

    private static DeapFolder OpenFile(string file, DeapFormat? format, DeapRawOptions rawOptions)
    {
        var form = Forms.FirstOrDefault(f => string.Equals(Path.GetExtension(file), f.Extension, StringComparison.OrdinalIgnoreCase));
        if (form.Extension is null || (format is not null && form.Format != format))
            throw new EegFormatException(file, "file name", "is not a DEAP subject file (sNN.dat, sNN.mat or sNN.bdf).");
        int? subject = SubjectNumber(Path.GetFileName(file), form.Extension);
        if (subject is null)
            throw new EegFormatException(file, "file name", $"is not named sNN{form.Extension}, so the subject number is unknown.");
        var files = new SortedDictionary<int, string> { [subject.Value] = file };
        return Create(file, form.Format, files, Path.GetDirectoryName(file)!, rawOptions);
    }

    private static DeapFolder Create(string location, DeapFormat format, SortedDictionary<int, string> files, string folder, DeapRawOptions rawOptions)
    {
        string? ratings = null;
        if (format == DeapFormat.Raw)
        {
            ratings = new[] { folder, Path.GetDirectoryName(folder) }
                .Where(f => f is not null)
                .Select(f => Path.Combine(f!, RatingsFileName))
                .FirstOrDefault(File.Exists)
                ?? throw new EegFormatException(location, "folder", $"raw recordings need {RatingsFileName} beside them (or one folder up); it is missing.");
        }
        return new DeapFolder(location, format, files, ratings, rawOptions);
    }

    private static string? FolderWithFiles(string folder, string extension, string downloadFolder)
    {
        if (SubjectFiles(folder, extension).Count > 0) return folder;
        string below = Path.Combine(folder, downloadFolder);
        return Directory.Exists(below) && SubjectFiles(below, extension).Count > 0 ? below : null;
    }

    private static SortedDictionary<int, string> SubjectFiles(string folder, string extension)
    {
        var files = new SortedDictionary<int, string>();
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            int? subject = SubjectNumber(Path.GetFileName(file), extension);
            if (subject is not null) files[subject.Value] = file;
        }
        return files;
    }

    private static int? SubjectNumber(string fileName, string extension)
    {
        if (!string.Equals(Path.GetExtension(fileName), extension, StringComparison.OrdinalIgnoreCase)) return null;
        var match = SubjectPattern().Match(Path.GetFileNameWithoutExtension(fileName));
        return match.Success && int.TryParse(match.Groups[1].Value, out int n) && n > 0 ? n : null;
    }

    [GeneratedRegex(@"^s(\d{1,3})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPattern();
}
