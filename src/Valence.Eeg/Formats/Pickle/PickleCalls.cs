namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// REDUCE: what calling an allowed global does. Each call is carried out by our own code with its arguments
/// checked, never by invoking anything the pickle named.
/// </summary>
internal static class PickleCalls
{
    /// <summary>The result of <c>callable(*args)</c>.</summary>
    public static object Call(PickleGlobal callable, PickleTuple args) => callable.Kind switch
    {
        PickleGlobalKind.Reconstruct => NumpyArray.Reconstruct(args),
        PickleGlobalKind.DType => NumpyDType.FromArguments(args),
        PickleGlobalKind.FromBuffer => NumpyArray.FromBuffer(args),
        PickleGlobalKind.CodecsEncode => EncodeLatin1(args),
        _ => throw new PickleException($"calling {callable.FullName} is not allowed; numpy pickles pass it to _reconstruct"),
    };

    /// <summary>
    /// <c>_codecs.encode(text, 'latin1')</c>, how Python 3 writes <c>bytes</c> in protocols 0–2. Only the latin1
    /// encoding is accepted: it is the only one numpy and pickle use.
    /// </summary>
    private static PickleBytes EncodeLatin1(PickleTuple args)
    {
        if (args.Count is < 2 or > 3 || args[0] is not PickleString text || args[1] is not PickleString encoding)
            throw new PickleException("_codecs.encode must be called as encode(text, 'latin1')");
        if (!(encoding.Is("latin1") || encoding.Is("latin-1")))
            throw new PickleException($"_codecs.encode with encoding '{encoding.Describe(20)}' is refused: only 'latin1' is allowed");
        if (args.Count == 3 && !(args[2] is PickleString errors && errors.Is("strict")))
            throw new PickleException("_codecs.encode's errors argument must be 'strict'");
        return new PickleBytes(text.EncodeLatin1(), isByteArray: false);
    }
}
