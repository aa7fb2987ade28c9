namespace Valence.Nn.Tests.Kernels;

/// <summary>
/// Tests that set <see cref="Valence.Nn.Kernels.Workers.MaxThreads"/> or count allocations run alone, so that no
/// other test changes the thread count under them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkersCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Workers";
}
