namespace Valence.Emotion.Tests.Training;

/// <summary>Calls its handler on the reporting thread, at once (Progress&lt;T&gt; posts to a synchronisation context).</summary>
public sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
