using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Valence.Emotion.Models;
using Valence.Emotion.Serialization;
using Valence.Nn.Layers;
using Valence.Nn.Serialization;
using Valence.Nn.Tensors;

namespace Valence.Emotion.Training;

/// <summary>
/// A training run saved after a completed epoch, from which <see cref="Trainer.Resume"/> continues bit for bit as if
/// the run had not stopped.
/// </summary>
/// <remarks>
/// <para>The file is safetensors, written atomically (a temporary file renamed over the old checkpoint), so a crash
/// leaves the previous epoch's checkpoint whole. Tensors: <c>model/{name}</c> (the weights and buffers at the end of
/// the epoch, state_dict names), <c>best/{name}</c> (the best epoch's, when early stopping restores them),
/// <c>optimizer/{index}.{key}</c> (moments, momentum buffers). <c>__metadata__</c>: <c>format</c>
/// (<c>valence-checkpoint/1</c>), <c>architecture</c> (the model's configuration JSON), <c>settings</c> (the
/// <see cref="TrainingSettings"/> JSON), <c>state</c> (epoch, optimiser step count and learning rate, schedule state,
/// early-stopping counters, elapsed time, the split's fingerprint, the history) and <c>checksum</c>.</para>
/// <para>Random state: every random choice derives from the seed and the epoch number (see the trainer), so the
/// completed epoch count is the generator state.</para>
/// <para><c>checksum</c> is a SHA-256 of every other metadata entry (sorted by key) and every tensor (name and bytes,
/// in file order); a file whose bytes changed after writing is refused.</para>
/// </remarks>
public sealed class TrainingCheckpoint
{
    /// <summary>The format marker this version writes and reads.</summary>
    public const string FormatVersion = "valence-checkpoint/1";

    private const string FormatKey = "format", ArchitectureKey = "architecture", SettingsKey = "settings", StateKey = "state", ChecksumKey = "checksum";
    private const string ModelPrefix = "model/", BestPrefix = "best/", OptimizerPrefix = "optimizer/";

    private readonly Sequential _model;
    private readonly CheckpointState _state;
    private readonly SafeTensorsContent _content;

    private TrainingCheckpoint(string path, Sequential model, TrainingSettings settings, CheckpointState state, SafeTensorsContent content)
    {
        Path = path;
        _model = model;
        Settings = settings;
        _state = state;
        _content = content;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The settings the run was started with.</summary>
    public TrainingSettings Settings { get; }

    /// <summary>Epochs completed when the checkpoint was written.</summary>
    public int CompletedEpochs => _state.CompletedEpochs;

    /// <summary>Whether the run had ended (its last epoch done, or stopped early).</summary>
    public bool Finished => _state.Stopped || _state.CompletedEpochs >= Settings.Epochs;

    /// <summary>The reports of the completed epochs.</summary>
    public IReadOnlyList<EpochReport> History => _state.History;

    /// <summary>Reads and checks a checkpoint.</summary>
    /// <exception cref="CheckpointFormatException">The file is damaged, was changed after writing, or is not a checkpoint of this version; the message says which entry and why.</exception>
    public static TrainingCheckpoint Read(string path)
    {
        EmotionLayers.EnsureRegistered();
        SafeTensorsContent content;
        try
        {
            content = SafeTensorsFile.Read(path);
        }
        catch (ModelFormatException e)
        {
            throw new CheckpointFormatException(path, $"not a readable safetensors file: {e.Message}", e);
        }
        var metadata = content.Metadata;
        string format = metadata.GetValueOrDefault(FormatKey) ?? "(missing)";
        if (format != FormatVersion)
            throw new CheckpointFormatException(path, $"__metadata__.{FormatKey} is '{format}', expected '{FormatVersion}': not a Valence training checkpoint of this version.");
        string checksum = Entry(path, metadata, ChecksumKey);
        string actual = Checksum(metadata, content.Tensors.Select(t => (t.Name, t.Data.Span.ToArray())));
        if (checksum != actual)
            throw new CheckpointFormatException(path, $"the checksum does not match the contents (stored {checksum}, computed {actual}): the file was changed or damaged after it was written.");

        var model = Parse(path, ArchitectureKey, metadata, json => LayerFactory.FromConfig(JsonNode.Parse(json)!.AsObject())) as Sequential
            ?? throw new CheckpointFormatException(path, $"__metadata__.{ArchitectureKey} does not describe a Sequential model.");
        var settings = Parse(path, SettingsKey, metadata, json => JsonSerializer.Deserialize<TrainingSettings>(json, EmotionJson.Options)!);
        var state = Parse(path, StateKey, metadata, json => JsonSerializer.Deserialize<CheckpointState>(json, EmotionJson.Options)!);
        LoadTensors(path, content, ModelPrefix, ModelState.Tensors(model));
        var checkpoint = new TrainingCheckpoint(path, model, settings, state, content);
        checkpoint.CheckPrefixes();
        return checkpoint;
    }

    /// <summary>Writes <paramref name="run"/>'s state atomically to <paramref name="path"/>.</summary>
    internal static void Write(string path, TrainingRun run)
    {
        var tensors = new List<(string Name, IReadOnlyList<int> Shape, float[] Values)>();
        foreach (var (name, value) in ModelState.Tensors(run.Model))
            tensors.Add((ModelPrefix + name, value.Shape.ToArray(), value.ReadOnlySpan.ToArray()));
        bool hasBest = run.Best is not null && run.BestEpoch > 0;
        if (hasBest)
            foreach (var (name, shape, values) in run.Best!.Tensors)
                tensors.Add((BestPrefix + name, shape.ToArray(), values.ToArray()));
        foreach (var (name, value) in run.Optimizer.State)
            tensors.Add((OptimizerPrefix + name, value.Shape.ToArray(), value.ReadOnlySpan.ToArray()));

        var state = new CheckpointState(run.CompletedEpochs, run.Stopped, run.Optimizer.StepCount, run.Optimizer.LearningRate,
            run.Schedule?.State, run.BestLoss, run.BestEpoch, run.BadEpochs, hasBest, run.Elapsed, run.Data.Fingerprint(), run.History.ToArray());
        var metadata = new Dictionary<string, string>
        {
            [FormatKey] = FormatVersion,
            [ArchitectureKey] = run.Model.ToConfig().ToJsonString(),
            [SettingsKey] = JsonSerializer.Serialize(run.Settings, EmotionJson.Options),
            [StateKey] = JsonSerializer.Serialize(state, EmotionJson.Options),
        };
        metadata[ChecksumKey] = Checksum(metadata, tensors.Select(t => (t.Name, MemoryMarshal.AsBytes(t.Values.AsSpan()).ToArray())));
        SafeTensorsFile.Write(path, tensors.Select(t => (t.Name, t.Shape, (ReadOnlyMemory<float>)t.Values)), metadata);
    }

    /// <summary>The run's numbers (epoch, optimiser step, schedule, early stopping, history).</summary>
    internal CheckpointState State => _state;

    /// <summary>The model with its weights at the end of the last completed epoch, for the resumed run to continue.</summary>
    internal Sequential Model => _model;

    /// <summary>Puts the optimiser, schedule, early-stopping state, best weights and history into <paramref name="run"/>.</summary>
    /// <exception cref="ArgumentException">The run's data is not the split the checkpoint was written for.</exception>
    /// <exception cref="CheckpointFormatException">The optimiser or schedule state does not fit the run's settings.</exception>
    internal void RestoreInto(TrainingRun run)
    {
        if (_state.Data != run.Data.Fingerprint())
            throw new ArgumentException(
                $"Checkpoint '{Path}' was written for another training split (fingerprint {_state.Data}, this split's {run.Data.Fingerprint()}); resume with the windows, indices and labels the run started with.",
                nameof(run));
        RestoreOptimizer(run);
        if (_state.HasBestWeights)
        {
            if (run.Best is null)
                throw new CheckpointFormatException(Path, "it holds best weights, but its settings do not restore them.");
            LoadBestWeights(run.Best);
        }
        run.BestLoss = _state.BestLoss;
        run.BestEpoch = _state.BestEpoch;
        run.BadEpochs = _state.BadEpochs;
        run.CompletedEpochs = _state.CompletedEpochs;
        run.Stopped = _state.Stopped;
        run.Elapsed = _state.Elapsed;
        run.History.AddRange(_state.History);
    }

    private void RestoreOptimizer(TrainingRun run)
    {
        var saved = _content.Tensors.Where(t => t.Name.StartsWith(OptimizerPrefix, StringComparison.Ordinal))
            .Select(t => (t.Name[OptimizerPrefix.Length..], Valence.Nn.Tensors.Tensor.FromValues(t.ToFloat32(), new TensorShape([.. t.Shape]))))
            .ToList();
        try
        {
            run.Optimizer.LoadState(_state.OptimizerSteps, saved);
            if (run.Schedule is not null)
                run.Schedule.LoadState(_state.Schedule ?? throw new ArgumentException("it holds no schedule state, but the settings have a schedule."));
            else if (_state.Schedule is not null)
                throw new ArgumentException("it holds a schedule state, but the settings have no schedule.");
            run.Optimizer.LearningRate = _state.LearningRate;
        }
        catch (ArgumentException e)
        {
            throw new CheckpointFormatException(Path, $"the optimiser or schedule state does not fit: {e.Message}", e);
        }
        finally
        {
            foreach (var (_, tensor) in saved) tensor.Dispose();
        }
    }

    private void LoadBestWeights(WeightSnapshot best)
    {
        int index = 0;
        foreach (var (name, shape, _) in best.Tensors)
        {
            var entry = TensorEntry(Path, _content, BestPrefix + name, shape);
            best.Load(index++, entry.ToFloat32());
        }
    }

    // Every tensor belongs to the model, the best weights (only when the state says so) or the optimiser.
    private void CheckPrefixes()
    {
        foreach (var entry in _content.Tensors)
        {
            bool known = entry.Name.StartsWith(ModelPrefix, StringComparison.Ordinal)
                || entry.Name.StartsWith(OptimizerPrefix, StringComparison.Ordinal)
                || (_state.HasBestWeights && entry.Name.StartsWith(BestPrefix, StringComparison.Ordinal));
            if (!known)
                throw new CheckpointFormatException(Path, $"tensor '{entry.Name}' is neither model, best-weight nor optimiser state.");
        }
        int modelTensors = ModelState.Tensors(_model).Count;
        int saved = _content.Tensors.Count(t => t.Name.StartsWith(ModelPrefix, StringComparison.Ordinal));
        if (saved != modelTensors)
            throw new CheckpointFormatException(Path, $"it holds {saved} model tensors, but the architecture has {modelTensors}.");
    }

    private static void LoadTensors(string path, SafeTensorsContent content, string prefix, IEnumerable<(string Name, Tensor Value)> targets)
    {
        foreach (var (name, value) in targets)
            TensorEntry(path, content, prefix + name, value.Shape).ToFloat32().CopyTo(value.Span);
    }

    private static SafeTensorEntry TensorEntry(string path, SafeTensorsContent content, string name, TensorShape shape)
    {
        if (!content.Contains(name))
            throw new CheckpointFormatException(path, $"tensor '{name}' is missing.");
        var entry = content[name];
        if (entry.DType != SafeTensorDType.F32 || !entry.Shape.SequenceEqual(shape.ToArray()))
            throw new CheckpointFormatException(path, $"tensor '{name}' is {entry.DType} [{string.Join(", ", entry.Shape)}], expected F32 {shape}.");
        return entry;
    }

    private static T Parse<T>(string path, string key, IReadOnlyDictionary<string, string> metadata, Func<string, T> parse)
    {
        string json = Entry(path, metadata, key);
        try
        {
            return parse(json) ?? throw new CheckpointFormatException(path, $"__metadata__.{key} is null.");
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new CheckpointFormatException(path, $"__metadata__.{key} is invalid: {e.Message}", e);
        }
    }

    private static string Entry(string path, IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value
            : throw new CheckpointFormatException(path, $"__metadata__ has no '{key}' entry.");

    private static string Checksum(IReadOnlyDictionary<string, string> metadata, IEnumerable<(string Name, byte[] Bytes)> tensors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, value) in metadata.Where(kv => kv.Key != ChecksumKey).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes($"{key}\0{value}\0"));
        foreach (var (name, bytes) in tensors)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\0"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
