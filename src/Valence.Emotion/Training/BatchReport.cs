namespace Valence.Emotion.Training;

/// <summary>Progress within an epoch, reported after every training step (a struct, so reporting allocates nothing).</summary>
/// <param name="Epoch">The epoch's number, from 1.</param>
/// <param name="Batch">The step's number within the epoch, from 1.</param>
/// <param name="BatchCount">Steps in the epoch.</param>
/// <param name="Loss">The step's loss.</param>
public readonly record struct BatchReport(int Epoch, int Batch, int BatchCount, double Loss);
