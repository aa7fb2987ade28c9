namespace Valence.Nn.Serialization;

/// <summary>What a safetensors file holds: string metadata and named tensors in header order.</summary>
public sealed class SafeTensorsContent
{
    internal SafeTensorsContent(IReadOnlyDictionary<string, string> metadata, IReadOnlyList<SafeTensorEntry> tensors)
    {
        Metadata = metadata;
        Tensors = tensors;
    }

    /// <summary>The <c>__metadata__</c> map (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensors in the order the header lists them.</summary>
    public IReadOnlyList<SafeTensorEntry> Tensors { get; }

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No tensor has that name.</exception>
    public SafeTensorEntry this[string name] =>
        Tensors.FirstOrDefault(t => t.Name == name)
        ?? throw new KeyNotFoundException($"No tensor named '{name}'; the file has: {string.Join(", ", Tensors.Select(t => t.Name))}.");

    /// <summary>Whether a tensor named <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => Tensors.Any(t => t.Name == name);
}
