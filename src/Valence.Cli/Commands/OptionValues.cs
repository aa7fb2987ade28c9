using System.CommandLine;
using System.Globalization;

namespace Valence.Cli.Commands;

/// <summary>Parsers for option values that are more than one number: subject lists, class weights.</summary>
internal static class OptionValues
{
    /// <summary>"1-8", "1,3,5" or "1-4,9": subject numbers, ascending, each once.</summary>
    public static int[] Subjects(string text, string option)
    {
        var subjects = new SortedSet<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || !ends.All(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1))
                throw new UsageException($"{option} '{text}' is not a list of subject numbers such as 1-8 or 1,3,5.");
            int first = int.Parse(ends[0], CultureInfo.InvariantCulture), last = int.Parse(ends[^1], CultureInfo.InvariantCulture);
            if (last < first) throw new UsageException($"{option}: the range {part} runs backwards.");
            for (int s = first; s <= last; s++) subjects.Add(s);
        }
        if (subjects.Count == 0) throw new UsageException($"{option} names no subject.");
        return [.. subjects];
    }

    /// <summary>Comma-separated non-negative numbers.</summary>
    public static float[] Numbers(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new float[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new UsageException($"{option} '{text}' is not a list of numbers separated by commas.");
        return values;
    }

    /// <summary>The value of <paramref name="option"/> when it was given on the command line; null when it takes its default.</summary>
    public static bool Given<T>(ParseResult result, Option<T> option, out T value)
    {
        var found = result.GetResult(option);
        value = result.GetValue(option)!;
        return found is { Implicit: false };
    }
}
