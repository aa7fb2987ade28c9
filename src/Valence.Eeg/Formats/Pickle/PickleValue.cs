namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// What the unpickler produces: <c>null</c> (None), <see cref="bool"/>, <see cref="long"/> (int), <see cref="double"/>
/// (float), <see cref="PickleString"/>, <see cref="PickleBytes"/>, <see cref="PickleTuple"/>, <see cref="PickleList"/>,
/// <see cref="PickleDict"/>, <see cref="PickleSet"/>, <see cref="NumpyArray"/>, <see cref="NumpyDType"/> and
/// <see cref="PickleGlobal"/>; nothing else can come out of a pickle.
/// </summary>
internal static class PickleValue
{
    /// <summary>The Python type name of <paramref name="value"/>, for error messages.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long => "int",
        double => "float",
        PickleString => "str",
        PickleBytes { IsByteArray: true } => "bytearray",
        PickleBytes => "bytes",
        PickleTuple => "tuple",
        PickleList => "list",
        PickleDict => "dict",
        PickleSet { IsFrozen: true } => "frozenset",
        PickleSet => "set",
        NumpyArray => "numpy.ndarray",
        NumpyDType => "numpy.dtype",
        PickleGlobal g => $"global '{g.FullName}'",
        _ => value.GetType().Name,
    };
}
