using Valence.Nn.Layers;
using DropoutLayer = Valence.Nn.Layers.Dropout;

namespace Valence.Emotion.Models;

/// <summary>
/// Settings of the plain recurrent models <c>lstm</c> and <c>gru</c>, for comparison, as TorchEEG's
/// <c>LSTM</c>/<c>GRU</c>: the raw window read as a sequence of samples (channels as features), two stacked layers of
/// 64 units, the last step's output → Dropout(0.3) → Dense(classes).
/// </summary>
/// <remarks>
/// TorchEEG applies its dropout with <c>F.dropout</c>, which stays on at inference; here it is an ordinary dropout
/// layer, active in training only. Layers: <c>to_time_major</c> (Permute), <c>lstm</c> or <c>gru</c>, <c>dropout</c>
/// (left out at rate 0), <c>out</c>.
/// </remarks>
public sealed record RecurrentSettings : ModelSettings
{
    /// <summary>Creates and validates the settings; every argument has the documented default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size below 1 or a dropout rate outside [0, 1).</exception>
    public RecurrentSettings(int hiddenSize = 64, int layers = 2, float dropout = 0.3f)
    {
        HiddenSize = RequirePositive(hiddenSize, nameof(hiddenSize));
        Layers = RequirePositive(layers, nameof(layers));
        Dropout = RequireDropout(dropout, nameof(dropout));
    }

    /// <summary>Hidden units of every recurrent layer (default 64).</summary>
    public int HiddenSize { get; }

    /// <summary>Stacked recurrent layers (default 2).</summary>
    public int Layers { get; }

    /// <summary>Dropout rate on the last step's output (default 0.3).</summary>
    public float Dropout { get; }

    internal override void Validate(ModelSpec spec) { }

    internal Sequential Build(ModelSpec spec, RecurrentCellKind cell)
    {
        var options = new RecurrentOptions(spec.Channels, HiddenSize, Layers, returnSequences: false);
        var layers = new List<Layer>
        {
            new Permute("to_time_major"),
            cell == RecurrentCellKind.Lstm ? new LSTM("lstm", options) : new GRU("gru", options),
        };
        if (Dropout > 0) layers.Add(new DropoutLayer("dropout", new DropoutOptions(Dropout)));
        layers.Add(new Dense("out", new DenseOptions(HiddenSize, spec.Classes)));
        return new Sequential(spec.Preset, layers);
    }
}
