using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Valence.Emotion.Training;

/// <summary>The windows a run trains on and validates on: indices into one data set, disjoint.</summary>
public sealed class TrainingData
{
    /// <summary>Checks and keeps the split.</summary>
    /// <param name="validationIndices">Windows for validation loss and accuracy after each epoch (early stopping, plateau schedules); empty for none.</param>
    /// <exception cref="ArgumentException">No training windows, an index outside the data set, an index listed twice, or a window on both sides.</exception>
    public TrainingData(ILabelledWindows windows, IReadOnlyList<int> trainIndices, IReadOnlyList<int>? validationIndices = null)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(trainIndices);
        if (trainIndices.Count == 0)
            throw new ArgumentException("Training needs at least one training window.", nameof(trainIndices));
        Windows = windows;
        TrainIndices = trainIndices.ToArray();
        ValidationIndices = validationIndices?.ToArray() ?? [];
        var seen = new HashSet<int>();
        Check(TrainIndices, "training", seen);
        Check(ValidationIndices, "validation", seen);
    }

    /// <summary>The data set.</summary>
    public ILabelledWindows Windows { get; }

    /// <summary>The training windows, in the order a run without shuffling visits them.</summary>
    public IReadOnlyList<int> TrainIndices { get; }

    /// <summary>The validation windows; empty for none.</summary>
    public IReadOnlyList<int> ValidationIndices { get; }

    /// <summary>
    /// A SHA-256 of the split: the data set's sizes, then every training and validation index with its label. A
    /// checkpoint keeps it so that a run resumes only on the data it started with (the samples themselves are not
    /// hashed: reading them all would cost a pass over the data).
    /// </summary>
    internal string Fingerprint()
    {
        var numbers = new List<int> { Windows.Count, Windows.Channels, Windows.Samples, Windows.ClassCount, TrainIndices.Count, ValidationIndices.Count };
        foreach (int index in TrainIndices.Concat(ValidationIndices))
        {
            numbers.Add(index);
            numbers.Add(Windows.Label(index));
        }
        var bytes = new byte[numbers.Count * 4];
        for (int i = 0; i < numbers.Count; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), numbers[i]);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private void Check(IReadOnlyList<int> indices, string side, HashSet<int> seen)
    {
        foreach (int index in indices)
        {
            if ((uint)index >= (uint)Windows.Count)
                throw new ArgumentException($"The {side} window index {index} is outside the data set's {Windows.Count} windows.", side == "training" ? "trainIndices" : "validationIndices");
            if (!seen.Add(index))
                throw new ArgumentException($"Window {index} is listed twice (the second time among the {side} windows); training and validation windows must be distinct.", side == "training" ? "trainIndices" : "validationIndices");
        }
    }
}
