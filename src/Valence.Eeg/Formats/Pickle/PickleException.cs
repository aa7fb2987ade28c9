namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// Why a pickle was refused, raised where the problem is found (a value, a call, a length). Whoever knows the file
/// and the place (the unpickler: the opcode's byte offset; the DEAP reader: the key) turns it into an
/// <see cref="EegFormatException"/>; it never leaves this assembly.
/// </summary>
internal sealed class PickleException(string reason) : Exception(reason);
