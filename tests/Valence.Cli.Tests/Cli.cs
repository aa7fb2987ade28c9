namespace Valence.Cli.Tests;

/// <summary>Runs the valence command in-process and keeps what it wrote.</summary>
public sealed record Cli(int ExitCode, string Output, string Error)
{
    public static Cli Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ValenceApp.Run(args, output, error);
        return new Cli(code, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A fresh folder under the system's temp folder, deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("valence-cli-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
