namespace Valence.Cli;

/// <summary>A command line that parses but asks for something impossible (a bad value, a missing option): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
