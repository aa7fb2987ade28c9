namespace Valence.Nn.Optimizers;

/// <summary>
/// A learning-rate schedule: stepped once at the end of every epoch, it sets its optimiser's
/// <see cref="Optimizer.LearningRate"/> for the next epoch, as PyTorch's <c>scheduler.step()</c>.
/// </summary>
/// <remarks>
/// <see cref="State"/> and <see cref="LoadState"/> carry everything a resumed run needs (including the learning
/// rate a schedule has reached, which <see cref="LoadState"/> puts back into the optimiser), as named numbers, named
/// after the entries of PyTorch's scheduler state_dict.
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>The optimiser whose learning rate this schedule sets.</summary>
    Optimizer Optimizer { get; }

    /// <summary>The number of completed epochs, that is of calls to <see cref="Step"/> (PyTorch's <c>last_epoch</c>).</summary>
    int Epoch { get; }

    /// <summary>
    /// Ends an epoch and sets the learning rate for the next one. <paramref name="metric"/> is the value the
    /// schedule may monitor (the validation loss for <see cref="ReduceLROnPlateau"/> in min mode); schedules that
    /// depend only on the epoch ignore it.
    /// </summary>
    void Step(double metric);

    /// <summary>The schedule's state for a checkpoint, as named numbers.</summary>
    IReadOnlyDictionary<string, double> State { get; }

    /// <summary>Restores a state taken from <see cref="State"/> and sets the optimiser's learning rate accordingly.</summary>
    /// <exception cref="ArgumentException">A name is missing or unknown, or a value is invalid.</exception>
    void LoadState(IReadOnlyDictionary<string, double> state);
}
