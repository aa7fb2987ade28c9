using System.Globalization;
using System.Text;
using Valence.Eeg.Recordings;
using Valence.IO;

namespace Valence.Eeg.Formats.Deap;

/// <summary>Writes DEAP's participant_ratings.csv, in the layout <see cref="DeapRatingsTable"/> reads.</summary>
public static class DeapRatingsWriter
{
    /// <summary>Writes <paramref name="rows"/> under DEAP's header, atomically; an unknown familiarity is an empty field, as in DEAP.</summary>
    public static void Write(string path, IEnumerable<ParticipantRatingRow> rows)
    {
        var text = new StringBuilder(ParticipantRatingRow.CsvHeader).Append('\n');
        foreach (var r in rows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{r.ParticipantId},{r.Trial},{r.ExperimentId},{r.StartTimeMicroseconds},{r.Valence:R},{r.Arousal:R},{r.Dominance:R},{r.Liking:R},{r.Familiarity}\n");
        }
        byte[] bytes = Encoding.ASCII.GetBytes(text.ToString());
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
