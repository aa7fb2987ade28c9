namespace Valence.Emotion.Tests.Reports;

/// <summary>A fresh folder under the system's temp folder, deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("valence-reports-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
