using Valence.Nn.Initialization;
using Valence.Nn.Layers;

namespace Valence.Emotion.Training;

/// <summary>
/// Every random choice of a run, derived from the seed alone: the initial weights from (seed, "init"), and each
/// epoch's visiting order and dropout masks from (seed, epoch). The random state at an epoch boundary is therefore
/// the epoch number, which a checkpoint holds, and a resumed run draws exactly what the uninterrupted run drew.
/// </summary>
/// <remarks>
/// Layers keep their own generators (Dropout forks one in <see cref="Layer.Initialize"/>). At the start of each epoch
/// every leaf layer without parameters or buffers is initialised again from the epoch's generator: such a layer has
/// nothing learned to lose, so re-initialising it can only re-seed its randomness.
/// </remarks>
internal static class EpochRandomness
{
    private const ulong InitializationStream = 1, OrderStream = 2, LayerStream = 3;

    /// <summary>The generator of the initial weights.</summary>
    public static Rng ForInitialization(ulong seed) => new Rng(seed).Fork(InitializationStream);

    /// <summary>Puts the training windows in epoch <paramref name="epoch"/>'s order: a seeded shuffle of <paramref name="indices"/>, or their given order.</summary>
    public static void Order(IReadOnlyList<int> indices, Span<int> order, ulong seed, int epoch, bool shuffle)
    {
        for (int i = 0; i < order.Length; i++) order[i] = indices[i];
        if (shuffle) ForEpoch(seed, OrderStream, epoch).Shuffle(order);
    }

    /// <summary>Re-seeds the random layers of <paramref name="model"/> (dropout) for epoch <paramref name="epoch"/>.</summary>
    public static void ReseedLayers(Layer model, ulong seed, int epoch) => Reseed(model, ForEpoch(seed, LayerStream, epoch));

    private static void Reseed(Layer layer, Rng rng)
    {
        if (layer.Children.Count == 0)
        {
            if (layer.Parameters.Count == 0 && layer.Buffers.Count == 0) layer.Initialize(rng);
            return;
        }
        foreach (var child in layer.Children) Reseed(child, rng);
    }

    private static Rng ForEpoch(ulong seed, ulong stream, int epoch) => new Rng(seed).Fork(stream << 32 | (uint)epoch);
}
