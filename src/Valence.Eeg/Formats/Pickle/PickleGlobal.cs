using System.Text;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// A global a pickle named and this reader allows: exactly the functions and types numpy uses to pickle an array
/// (under numpy 1's and numpy 2's module names) and <c>_codecs.encode</c>. Any other name is refused when the
/// GLOBAL or STACK_GLOBAL opcode is read, before anything else happens: nothing is imported, instantiated or run.
/// </summary>
internal sealed class PickleGlobal
{
    private static readonly PickleGlobal[] Allowed =
    [
        new("numpy.core.multiarray", "_reconstruct", PickleGlobalKind.Reconstruct),
        new("numpy._core.multiarray", "_reconstruct", PickleGlobalKind.Reconstruct),
        new("numpy", "ndarray", PickleGlobalKind.NdArray),
        new("numpy", "dtype", PickleGlobalKind.DType),
        new("numpy.core.numeric", "_frombuffer", PickleGlobalKind.FromBuffer),
        new("numpy._core.numeric", "_frombuffer", PickleGlobalKind.FromBuffer),
        new("_codecs", "encode", PickleGlobalKind.CodecsEncode),
    ];

    private PickleGlobal(string module, string name, PickleGlobalKind kind)
    {
        Module = module;
        Name = name;
        Kind = kind;
    }

    /// <summary>The module, as the pickle names it.</summary>
    public string Module { get; }

    /// <summary>The name within the module.</summary>
    public string Name { get; }

    /// <summary>What the global does.</summary>
    public PickleGlobalKind Kind { get; }

    /// <summary><c>module.name</c>.</summary>
    public string FullName => $"{Module}.{Name}";

    /// <summary>The allowed global <paramref name="module"/>.<paramref name="name"/>, or a refusal that names it.</summary>
    public static PickleGlobal Resolve(string module, string name)
    {
        foreach (var allowed in Allowed)
            if (allowed.Module == module && allowed.Name == name) return allowed;
        throw new PickleException(
            $"refused global '{Printable(module)}.{Printable(name)}': a DEAP pickle may name only numpy's array globals " +
            "(numpy.core.multiarray._reconstruct, numpy.ndarray, numpy.dtype, numpy.core.numeric._frombuffer, their " +
            "numpy._core twins) and _codecs.encode");
    }

    private static string Printable(string text)
    {
        var shown = new StringBuilder();
        foreach (char c in text.Length > 80 ? text[..80] : text)
            shown.Append(char.IsControl(c) || c == '\'' ? $"\\x{(int)c:x2}" : c);
        return text.Length > 80 ? shown + "…" : shown.ToString();
    }
}
