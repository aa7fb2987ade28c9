using Valence.Eeg.Formats.Edf;

namespace Valence.Eeg.Formats.Deap;

/// <summary>
/// DEAP's trigger codes in the Status channel, with the offset some files carry removed, and where each code begins.
/// </summary>
/// <remarks>
/// Codes: 1 start of the experiment (then baseline and rating screens), 2 video sync screen, 3 fixation before the
/// trial, 4 video start, 5 fixation after the video, 7 end of the experiment. In s24–s32 the status values carry an
/// offset (the known fix: subtract the first value, then take the result modulo 65536). The offset is
/// detected from the first sample: every DEAP code is below 8, so a first value whose low 16 bits are 8 or more can
/// only be an offset, and those low 16 bits are subtracted from every sample (modulo 65536). Only the low 16 bits
/// matter, because the modulo removes whatever the high status bits hold. A first value below 8 is taken as a code
/// and nothing is subtracted.
/// </remarks>
public static class DeapStatusCodes
{
    /// <summary>The code sent when a video starts.</summary>
    public const int VideoStart = 4;

    /// <summary>Codes are below this; a larger first value is an offset.</summary>
    public const int FirstNonCode = 8;

    /// <summary>The trigger codes of raw status values, with any offset removed; <paramref name="offset"/> receives it (0 when there was none).</summary>
    public static int[] TriggerCodes(ReadOnlySpan<int> raw, out int offset)
    {
        offset = raw.IsEmpty ? 0 : raw[0] & BdfStatusChannel.TriggerMask;
        if (offset < FirstNonCode) offset = 0;
        var codes = new int[raw.Length];
        for (int i = 0; i < raw.Length; i++) codes[i] = (raw[i] - offset) & BdfStatusChannel.TriggerMask;
        return codes;
    }

    /// <summary>The sample indices where <paramref name="code"/> begins: the first sample, if it holds the code, and every sample where the code follows another.</summary>
    public static long[] Onsets(ReadOnlySpan<int> codes, int code)
    {
        var onsets = new List<long>();
        for (int i = 0; i < codes.Length; i++)
            if (codes[i] == code && (i == 0 || codes[i - 1] != code)) onsets.Add(i);
        return [.. onsets];
    }
}
