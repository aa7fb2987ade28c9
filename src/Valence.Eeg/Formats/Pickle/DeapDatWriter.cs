using System.Buffers;
using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Valence.Eeg.Recordings;
using static Valence.Eeg.Formats.Pickle.PickleOpcode;
using Valence.IO;

namespace Valence.Eeg.Formats.Pickle;

/// <summary>
/// Writes a recording as a DEAP preprocessed Python file (<c>sNN.dat</c>): the dict
/// <c>{'labels': float64 trials × 4, 'data': trials × channels × samples}</c> pickled as Python 2's cPickle wrote
/// DEAP's originals (protocol 2; array bytes as Python 2 strings; numpy 1.x's array and dtype reductions), so that
/// <c>pickle.load(f, encoding='latin1')</c> with numpy gives back exactly the recording's values.
/// </summary>
/// <remarks>
/// Only the ratings and samples are stored, as in DEAP's files; channel names, sample rate and baseline are not.
/// The same recording always gives the same bytes.
/// </remarks>
public static class DeapDatWriter
{
    private const int ChunkValues = 1 << 17;

    /// <summary>Writes <paramref name="recording"/> to <paramref name="path"/> atomically (a temporary file beside it, then a rename).</summary>
    /// <param name="precision">The dtype of <c>data</c>: float64 as in DEAP (the default) or float32.</param>
    /// <exception cref="ArgumentException">The data would not fit in a Python 2 string (2 GiB).</exception>
    public static void Write(string path, SubjectRecording recording, DeapDataPrecision precision = DeapDataPrecision.Float64)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(recording);
        RequireFits(recording, precision);
        AtomicFile.Write(path, stream => Write(stream, recording, precision));
    }

    /// <summary>Writes <paramref name="recording"/> to <paramref name="stream"/> at its current position.</summary>
    /// <inheritdoc cref="Write(string, SubjectRecording, DeapDataPrecision)"/>
    public static void Write(Stream stream, SubjectRecording recording, DeapDataPrecision precision = DeapDataPrecision.Float64)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(recording);
        if (!Enum.IsDefined(precision)) throw new ArgumentOutOfRangeException(nameof(precision), precision, "Float64 or Float32.");
        RequireFits(recording, precision);

        var ratings = recording.Ratings.SelectMany(r => new[] { r.Valence, r.Arousal, r.Dominance, r.Liking }).ToArray();
        int valueSize = BytesPerValue(precision);
        var pickle = new Python2PickleWriter(stream);
        pickle.Protocol2();
        pickle.Op(EMPTY_DICT);
        pickle.Op(MARK);
        pickle.String("labels");
        pickle.NumpyArray([recording.TrialCount, 4], "f8", (long)ratings.Length * sizeof(double),
            s => WriteLittleEndian(s, ratings, DeapDataPrecision.Float64));
        pickle.String("data");
        pickle.NumpyArray([recording.TrialCount, recording.ChannelCount, recording.SamplesPerTrial],
            precision == DeapDataPrecision.Float64 ? "f8" : "f4", (long)recording.Samples.Length * valueSize,
            s => WriteLittleEndian(s, recording.Samples, precision));
        pickle.Op(SETITEMS);
        pickle.Op(STOP);
    }

    private static void RequireFits(SubjectRecording recording, DeapDataPrecision precision)
    {
        long bytes = (long)recording.Samples.Length * BytesPerValue(precision);
        if (bytes > int.MaxValue)
            throw new ArgumentException($"{recording} needs {bytes} bytes of {precision} data; a Python 2 string holds at most {int.MaxValue}.", nameof(recording));
    }

    private static int BytesPerValue(DeapDataPrecision precision) => precision == DeapDataPrecision.Float64 ? sizeof(double) : sizeof(float);

    /// <summary>Writes the values as little-endian float64 or float32, through a pooled chunk.</summary>
    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<float> values, DeapDataPrecision precision)
    {
        int size = BytesPerValue(precision);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkValues * size);
        try
        {
            for (int start = 0; start < values.Length; start += ChunkValues)
            {
                var part = values.Slice(start, Math.Min(ChunkValues, values.Length - start));
                var bytes = chunk.AsSpan(0, part.Length * size);
                if (precision == DeapDataPrecision.Float64)
                    TensorPrimitives.ConvertTruncating<float, double>(part, MemoryMarshal.Cast<byte, double>(bytes));
                else
                    MemoryMarshal.AsBytes(part).CopyTo(bytes);
                if (!BitConverter.IsLittleEndian) SwapToLittleEndian(bytes, size);
                stream.Write(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void SwapToLittleEndian(Span<byte> bytes, int size)
    {
        if (size == sizeof(double))
        {
            var longs = MemoryMarshal.Cast<byte, ulong>(bytes);
            BinaryPrimitives.ReverseEndianness(longs, longs);
            return;
        }
        var words = MemoryMarshal.Cast<byte, uint>(bytes);
        BinaryPrimitives.ReverseEndianness(words, words);
    }
}
