using System.CommandLine;
using Valence.Emotion.Experiments;

namespace Valence.Cli.Commands;

/// <summary>Experiment settings from the command line, every part validated; a bad value is a usage error.</summary>
internal static class Settings
{
    /// <exception cref="UsageException">A value is out of range or the settings contradict each other.</exception>
    public static ExperimentSettings From(ExperimentOptions options, ParseResult result, string runsDirectory)
    {
        try
        {
            var settings = options.Settings(result, runsDirectory);
            settings.Validate();
            return settings;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
