namespace Valence.Eeg.Formats.Pickle;

/// <summary>What an allowed global does when a pickle calls it.</summary>
internal enum PickleGlobalKind
{
    /// <summary><c>numpy.core.multiarray._reconstruct(ndarray, shape, typecode)</c>: an array awaiting its BUILD state.</summary>
    Reconstruct,

    /// <summary><c>numpy.ndarray</c>: only an argument of <see cref="Reconstruct"/>, never called.</summary>
    NdArray,

    /// <summary><c>numpy.dtype(name, align, copy)</c>: a dtype awaiting its BUILD state.</summary>
    DType,

    /// <summary><c>numpy.core.numeric._frombuffer(buffer, dtype, shape, order)</c>: protocol 5's arrays.</summary>
    FromBuffer,

    /// <summary><c>_codecs.encode(text, 'latin1')</c>: how Python 3 writes <c>bytes</c> in protocols 0–2.</summary>
    CodecsEncode,
}
