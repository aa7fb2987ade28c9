using Valence.Nn.Layers;

namespace Valence.Nn.Tests.Layers;

/// <summary>Builds any of the recurrent layers by type name, so one test runs against all three.</summary>
internal static class RecurrentLayers
{
    public static readonly TheoryData<string> Types = new() { "LSTM", "GRU", "SimpleRNN" };

    public static RecurrentLayer Create(string type, RecurrentOptions options, string name = "rnn") => type switch
    {
        "LSTM" => new LSTM(name, options),
        "GRU" => new GRU(name, options),
        "SimpleRNN" => new SimpleRNN(name, options),
        _ => throw new ArgumentException($"Unknown recurrent layer type '{type}'.", nameof(type)),
    };
}
