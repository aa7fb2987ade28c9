using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Valence.Nn.Layers;

/// <summary>Turns a layer configuration (<see cref="Layer.ToConfig"/>) back into a layer.</summary>
public static class LayerFactory
{
    /// <summary>How options records are written: camelCase names, enums as strings.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private delegate Layer Builder(string name, JsonNode? options, JsonArray? children);

    // Concurrent because Register may add types while other threads read configurations.
    private static readonly ConcurrentDictionary<string, Builder> Builders = new()
    {
        ["Sequential"] = (name, _, children) => new Sequential(name, Children(name, children)),
        ["Permute"] = (name, _, _) => new Permute(name),
        ["Dense"] = (name, options, _) => new Dense(name, Read<DenseOptions>(options, name)),
        ["Conv1D"] = (name, options, _) => new Conv1D(name, Read<Conv1DOptions>(options, name)),
        ["MaxPool1D"] = (name, options, _) => new MaxPool1D(name, Read<Pool1DOptions>(options, name)),
        ["AvgPool1D"] = (name, options, _) => new AvgPool1D(name, Read<Pool1DOptions>(options, name)),
        ["GlobalAveragePool1D"] = (name, options, _) => new GlobalAveragePool1D(name, Read<GlobalAveragePool1DOptions>(options, name)),
        ["Flatten"] = (name, options, _) => new Flatten(name, Read<FlattenOptions>(options, name)),
        ["TcnResidualBlock"] = (name, options, _) => new TcnResidualBlock(name, Read<TcnResidualBlockOptions>(options, name)),
        ["Tcn"] = (name, options, _) => new Tcn(name, Read<TcnOptions>(options, name)),
        ["LSTM"] = (name, options, _) => new LSTM(name, Read<RecurrentOptions>(options, name)),
        ["GRU"] = (name, options, _) => new GRU(name, Read<RecurrentOptions>(options, name)),
        ["SimpleRNN"] = (name, options, _) => new SimpleRNN(name, Read<RecurrentOptions>(options, name)),
        ["ReLU"] = (name, options, _) => new ReLU(name, Read<ReLUOptions>(options, name)),
        ["LeakyReLU"] = (name, options, _) => new LeakyReLU(name, Read<LeakyReLUOptions>(options, name)),
        ["ELU"] = (name, options, _) => new ELU(name, Read<ELUOptions>(options, name)),
        ["GELU"] = (name, options, _) => new GELU(name, Read<GELUOptions>(options, name)),
        ["Tanh"] = (name, options, _) => new Tanh(name, Read<TanhOptions>(options, name)),
        ["Sigmoid"] = (name, options, _) => new Sigmoid(name, Read<SigmoidOptions>(options, name)),
        ["Softmax"] = (name, options, _) => new Softmax(name, Read<SoftmaxOptions>(options, name)),
        ["BatchNorm1D"] = (name, options, _) => new BatchNorm1D(name, Read<BatchNorm1DOptions>(options, name)),
        ["Dropout"] = (name, options, _) => new Dropout(name, Read<DropoutOptions>(options, name)),
    };

    /// <summary>The layer types a configuration may name.</summary>
    public static IReadOnlyCollection<string> KnownTypes => [.. Builders.Keys];

    /// <summary>
    /// Adds a layer type defined outside Valence.Nn, so that configurations and model files naming it load:
    /// <paramref name="create"/> builds the layer from its name and its options record, read as
    /// <see cref="Layer.ToConfig"/> wrote it.
    /// </summary>
    /// <exception cref="ArgumentException">A type of that name is already known.</exception>
    public static void Register<TOptions>(string typeName, Func<string, TOptions, Layer> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        ArgumentNullException.ThrowIfNull(create);
        if (!Builders.TryAdd(typeName, (name, options, _) => create(name, Read<TOptions>(options, name))))
            throw new ArgumentException($"Layer type '{typeName}' is already registered; each type name builds one kind of layer.", nameof(typeName));
    }

    /// <summary>Builds the layer a configuration describes, with fresh (uninitialised) parameters.</summary>
    /// <exception cref="FormatException">The configuration names an unknown type, lacks a field, or holds invalid options; the message says which layer and why.</exception>
    public static Layer FromConfig(JsonObject config)
    {
        string type = RequiredString(config, "type", "a layer");
        string name = RequiredString(config, "name", $"a {type} layer");
        if (!Builders.TryGetValue(type, out var build))
            throw new FormatException($"Layer '{name}' has unknown type '{type}'; known types: {string.Join(", ", Builders.Keys.Order())}.");
        try
        {
            return build(name, config["options"], config["layers"] as JsonArray);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new FormatException($"{type} '{name}': invalid configuration: {e.Message}", e);
        }
    }

    /// <summary>Reads an options record of type <typeparamref name="T"/> from a configuration node.</summary>
    internal static T Read<T>(JsonNode? options, string name)
    {
        if (options is null)
            throw new FormatException($"Layer '{name}' has no 'options'.");
        return options.Deserialize<T>(JsonOptions)
            ?? throw new FormatException($"Layer '{name}' has null 'options'.");
    }

    private static IEnumerable<Layer> Children(string name, JsonArray? children)
    {
        if (children is null)
            throw new FormatException($"Layer '{name}' has no 'layers' list.");
        return children.Select(c => FromConfig(c as JsonObject
            ?? throw new FormatException($"Layer '{name}' lists a child that is not an object.")));
    }

    private static string RequiredString(JsonObject config, string key, string what) =>
        config[key] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s)
            ? s
            : throw new FormatException($"The configuration of {what} has no '{key}' string.");
}
