using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Deap;
using Valence.Eeg.Formats.Mat;
using Valence.Eeg.Formats.Pickle;

namespace Valence.Eeg.Synthetic;

/// <summary>
/// Writes generated subjects as a DEAP folder in one of DEAP's forms: <c>sNN.dat</c> pickles,
/// <c>sNN.mat</c> files, or raw <c>sNN.bdf</c> recordings with <c>participant_ratings.csv</c>.
/// </summary>
/// <remarks>Subjects are generated and written one at a time, so memory holds one subject whatever the count.</remarks>
public static class SyntheticDeapWriter
{
    /// <summary>Generates <see cref="SyntheticDeapOptions.SubjectCount"/> subjects into <paramref name="folder"/>.</summary>
    /// <param name="progress">Told each subject's number once it is written.</param>
    /// <returns>The files written, in subject order (the ratings file last, for raw data).</returns>
    public static IReadOnlyList<string> Write(string folder, SyntheticDeapOptions options, DeapFormat format,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(folder);
        var generator = new SyntheticDeapGenerator(options);
        var written = new List<string>();
        var ratings = new List<Recordings.ParticipantRatingRow>();
        for (int subject = 1; subject <= options.SubjectCount; subject++)
        {
            cancellation.ThrowIfCancellationRequested();
            string path = Path.Combine(folder, SubjectFileName(subject, format));
            switch (format)
            {
                case DeapFormat.PreprocessedPython:
                    DeapDatWriter.Write(path, generator.GenerateSubject(subject));
                    break;
                case DeapFormat.PreprocessedMatlab:
                    DeapMatWriter.Write(path, generator.GenerateSubject(subject));
                    break;
                default:
                    RawSessionBdf.Write(path, generator.GenerateRawSession(subject));
                    ratings.AddRange(generator.ParticipantRatings(subject));
                    break;
            }
            written.Add(path);
            progress?.Report(subject);
        }
        if (format == DeapFormat.Raw)
        {
            string csv = Path.Combine(folder, DeapFolder.RatingsFileName);
            DeapRatingsWriter.Write(csv, ratings);
            written.Add(csv);
        }
        return written;
    }

    private static string SubjectFileName(int subject, DeapFormat format) => format switch
    {
        DeapFormat.PreprocessedPython => $"s{subject:D2}.dat",
        DeapFormat.PreprocessedMatlab => $"s{subject:D2}.mat",
        _ => $"s{subject:D2}.bdf",
    };
}
