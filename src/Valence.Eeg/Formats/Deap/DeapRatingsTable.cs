using System.Globalization;
using System.Text;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Formats.Deap;

/// <summary>
/// DEAP's participant_ratings.csv, parsed strictly: the header must name the nine columns in DEAP's order, every
/// row must have nine fields, ids must be positive integers, ratings finite numbers in 1–9, familiarity empty or in
/// 1–5, and no participant may rate the same trial or video twice. Errors name the line and the column.
/// </summary>
public sealed class DeapRatingsTable
{
    /// <summary>The columns of participant_ratings.csv, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["Participant_id", "Trial", "Experiment_id", "Start_time", "Valence", "Arousal", "Dominance", "Liking", "Familiarity"];

    /// <summary>Files larger than this are refused before reading: DEAP's has 1280 short rows.</summary>
    public const long MaxFileBytes = 16 << 20;

    private readonly Dictionary<int, DeapRatingsRow[]> _byParticipant;

    private DeapRatingsTable(string path, IReadOnlyList<DeapRatingsRow> rows)
    {
        Path = path;
        Rows = rows;
        _byParticipant = rows.GroupBy(r => r.ParticipantId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Trial).ToArray());
    }

    /// <summary>The file (or source name) the table came from.</summary>
    public string Path { get; }

    /// <summary>Every row, in file order.</summary>
    public IReadOnlyList<DeapRatingsRow> Rows { get; }

    /// <summary>The participants that have rows, ascending.</summary>
    public IReadOnlyList<int> Participants => _byParticipant.Keys.Order().ToArray();

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    /// <exception cref="EegFormatException">The file is too large, not UTF-8, or a line breaks a rule; the message names the line and column.</exception>
    public static DeapRatingsTable Load(string path)
    {
        long length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
            throw new EegFormatException(path, "file", $"{length} bytes is far more than a ratings table holds (at most {MaxFileBytes}); is this the right file?");
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException e)
        {
            throw new EegFormatException(path, "file", "the file is not UTF-8 (or ASCII) text.", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses the text of a ratings file; <paramref name="sourceName"/> names it in errors.</summary>
    public static DeapRatingsTable Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.TrimStart('\uFEFF').Split('\n');
        for (int i = 0; i < lines.Length; i++) lines[i] = lines[i].TrimEnd('\r');
        int last = lines.Length;
        while (last > 0 && lines[last - 1].Length == 0) last--;
        if (last == 0) throw new EegFormatException(sourceName, "line 1", "the file is empty; expected the header " + string.Join(",", Columns) + ".");

        string[] header = lines[0].Split(',');
        if (!header.SequenceEqual(Columns))
            throw new EegFormatException(sourceName, "line 1", $"the header is '{lines[0]}', expected '{string.Join(",", Columns)}'.");

        var rows = new List<DeapRatingsRow>(last - 1);
        var seenTrials = new Dictionary<(int, int), int>();
        var seenVideos = new Dictionary<(int, int), int>();
        for (int i = 1; i < last; i++)
        {
            var row = ParseRow(lines[i], i + 1, sourceName);
            Unique(seenTrials, (row.ParticipantId, row.Trial), row.Line, $"participant {row.ParticipantId} has trial {row.Trial}", "Trial", sourceName);
            Unique(seenVideos, (row.ParticipantId, row.ExperimentId), row.Line, $"participant {row.ParticipantId} rated video {row.ExperimentId}", "Experiment_id", sourceName);
            rows.Add(row);
        }
        return new DeapRatingsTable(sourceName, rows);
    }

    /// <summary>A participant's rows in presentation order (by Trial).</summary>
    /// <exception cref="EegFormatException">The participant has no rows; the message lists those that have.</exception>
    public IReadOnlyList<DeapRatingsRow> ForParticipant(int participant) =>
        _byParticipant.TryGetValue(participant, out var rows)
            ? rows
            : throw new EegFormatException(Path, $"participant {participant}",
                $"no rows for this participant; the file has participants {string.Join(", ", Participants)}.");

    private static void Unique(Dictionary<(int, int), int> seen, (int, int) key, int line, string what, string column, string path)
    {
        if (seen.TryGetValue(key, out int first))
            throw new EegFormatException(path, $"line {line}, column '{column}'", $"{what} again (first on line {first}).");
        seen[key] = line;
    }

    private static DeapRatingsRow ParseRow(string line, int number, string path)
    {
        string[] fields = line.Split(',');
        if (fields.Length != Columns.Count)
            throw new EegFormatException(path, $"line {number}", $"{fields.Length} fields, expected {Columns.Count} ({string.Join(",", Columns)}).");
        var cells = new RowCells(fields, number, path);
        int participant = cells.Count(0, min: 1);
        int trial = cells.Count(1, min: 1);
        int video = cells.Count(2, min: 1);
        long start = cells.Long(3);
        var ratings = new Ratings(cells.Number(4, 1, 9), cells.Number(5, 1, 9), cells.Number(6, 1, 9), cells.Number(7, 1, 9));
        float? familiarity = fields[8].Length == 0 ? null : cells.Number(8, 1, 5);
        return new DeapRatingsRow(participant, trial, video, start, ratings, familiarity, number);
    }

    /// <summary>Parses the fields of one row, naming the line and column in errors.</summary>
    private readonly struct RowCells(string[] fields, int line, string path)
    {
        public int Count(int column, int min)
        {
            long value = Long(column);
            if (value < min || value > int.MaxValue)
                throw Error(column, $"{value} is not a positive count.");
            return (int)value;
        }

        public long Long(int column)
        {
            if (!long.TryParse(fields[column], NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                throw Error(column, $"'{fields[column]}' is not a non-negative integer.");
            return value;
        }

        public float Number(int column, float min, float max)
        {
            if (!float.TryParse(fields[column], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                throw Error(column, $"'{fields[column]}' is not a decimal number.");
            if (value < min || value > max)
                throw Error(column, $"{value} is outside the scale {min}–{max}.");
            return value;
        }

        private EegFormatException Error(int column, string reason) =>
            new(path, $"line {line}, column '{Columns[column]}'", reason);
    }
}
