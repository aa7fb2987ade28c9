namespace Valence.Eeg.Formats.Edf;

/// <summary>
/// BioSemi's trigger channel: each sample holds 24 bits, of which the low 16 are the trigger code sent by the
/// stimulus computer and the high 8 the amplifier's status (CMS in range, battery, speed mode…).
/// </summary>
/// <remarks>Read the channel's raw values with <see cref="EdfReader.ReadDigital(int)"/>; its physical values are not meaningful.</remarks>
public static class BdfStatusChannel
{
    /// <summary>The label BioSemi's ActiView gives the channel.</summary>
    public const string Label = "Status";

    /// <summary>The bits that carry the trigger code.</summary>
    public const int TriggerMask = 0xFFFF;

    /// <summary>The trigger codes of raw status values: each value's low 16 bits.</summary>
    public static int[] TriggerCodes(ReadOnlySpan<int> raw)
    {
        var codes = new int[raw.Length];
        for (int i = 0; i < raw.Length; i++) codes[i] = raw[i] & TriggerMask;
        return codes;
    }
}
