using System.Diagnostics;
using System.Text.Json;
using Valence.Eeg.Formats;
using Valence.Eeg.Synthetic;

namespace Valence.Bench;

/// <summary>
/// Issue 3's measurements: generating DEAP-format subjects, and reading a folder of them back (compared in
/// bench/deap_read.sh with Python's pickle.load on the same files).
/// </summary>
public static class DeapBenchmark
{
    /// <summary>Generates <paramref name="subjects"/> subjects into <paramref name="folder"/>; prints one JSON line with the time.</summary>
    public static void Synthesize(string folder, DeapFormat format, int subjects, int trials, double trialSeconds, ulong seed, TextWriter output)
    {
        var options = new SyntheticDeapOptions { Seed = seed, SubjectCount = subjects, TrialCount = trials, TrialSeconds = trialSeconds };
        long start = Stopwatch.GetTimestamp();
        var files = SyntheticDeapWriter.Write(folder, options, format);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long bytes = files.Sum(f => new FileInfo(f).Length);
        output.WriteLine(JsonSerializer.Serialize(new { task = "generate-and-write", format = format.ToString(), subjects, trials, seconds, bytes }));
    }

    /// <summary>Times the generator alone (no files): 32 subjects of the preprocessed form by default.</summary>
    public static void Generate(int subjects, TextWriter output)
    {
        var generator = new SyntheticDeapGenerator(new SyntheticDeapOptions { SubjectCount = subjects });
        long start = Stopwatch.GetTimestamp();
        long samples = 0;
        foreach (var recording in generator.GenerateSubjects()) samples += recording.Samples.Length;
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        output.WriteLine(JsonSerializer.Serialize(new { task = "generate", subjects, samples, seconds }));
    }

    /// <summary>Reads every subject of a DEAP folder <paramref name="rounds"/> times; prints the best round's seconds.</summary>
    public static void Read(string folder, int rounds, TextWriter output)
    {
        var deap = DeapFolder.Open(folder);
        double best = double.MaxValue;
        long samples = 0;
        for (int round = 0; round < rounds; round++)
        {
            long start = Stopwatch.GetTimestamp();
            samples = 0;
            foreach (var recording in deap.ReadAll()) samples += recording.Samples.Length;
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        output.WriteLine(JsonSerializer.Serialize(new { runtime = "valence", task = "read", format = deap.Format.ToString(), subjects = deap.Subjects.Count, samples, seconds = best }));
    }
}
