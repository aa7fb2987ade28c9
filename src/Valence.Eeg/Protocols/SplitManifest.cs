using System.Text;
using System.Text.Json;

namespace Valence.Eeg.Protocols;

/// <summary>
/// What a split is and holds: the protocol and whether it leaks, which fold, the seed, the configuration and its
/// hash, and the subjects and trials on each side. Written beside results so that a reader can see what was held out.
/// </summary>
/// <param name="Protocol">The protocol's name ("paper-leaky", "trial-holdout", "kfold", "loso").</param>
/// <param name="IsLeaky">Whether test windows have near copies in training (true only for the paper protocol).</param>
/// <param name="DisjointBy">What the sides are guaranteed not to share.</param>
/// <param name="Fold">0-based fold (0 for single-split protocols).</param>
/// <param name="FoldCount">Splits of this kind the protocol produces (per subject for per-subject k-fold).</param>
/// <param name="Subject">The subject this split belongs to (per-subject k-fold) or holds out (LOSO); null otherwise.</param>
/// <param name="Seed">The seed the split was drawn with.</param>
/// <param name="Config">The canonical configuration: protocol settings, seed, window settings, labels and trials.</param>
/// <param name="ConfigHash">SHA-256 of <paramref name="Config"/>, lower-case hex.</param>
public sealed record SplitManifest(string Protocol, bool IsLeaky, Disjointness DisjointBy, int Fold, int FoldCount, int? Subject,
    int Seed, string Config, string ConfigHash, SplitSide Train, SplitSide Validation, SplitSide Test)
{
    /// <summary>The manifest as indented JSON; trials are written as "s01/t07".</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("protocol", Protocol);
            json.WriteBoolean("leaky", IsLeaky);
            json.WriteString("disjointBy", DisjointBy.ToString());
            json.WriteNumber("fold", Fold);
            json.WriteNumber("foldCount", FoldCount);
            if (Subject is int s) json.WriteNumber("subject", s);
            else json.WriteNull("subject");
            json.WriteNumber("seed", Seed);
            json.WriteString("config", Config);
            json.WriteString("configHash", ConfigHash);
            WriteSide(json, "train", Train);
            WriteSide(json, "validation", Validation);
            WriteSide(json, "test", Test);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSide(Utf8JsonWriter json, string name, SplitSide side)
    {
        json.WriteStartObject(name);
        json.WriteNumber("windows", side.WindowCount);
        json.WriteStartArray("classCounts");
        foreach (long c in side.ClassCounts) json.WriteNumberValue(c);
        json.WriteEndArray();
        json.WriteStartArray("subjects");
        foreach (int s in side.Subjects) json.WriteNumberValue(s);
        json.WriteEndArray();
        json.WriteStartArray("trials");
        foreach (var t in side.Trials) json.WriteStringValue(t.ToString());
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
