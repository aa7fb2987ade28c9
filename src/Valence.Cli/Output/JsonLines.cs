using System.Text.Json;
using System.Text.Json.Nodes;

namespace Valence.Cli.Output;

/// <summary>Writes one compact JSON object per line, each with an "event" name, flushed at once so a script can follow along.</summary>
internal sealed class JsonLines(TextWriter output)
{
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Writes <paramref name="fields"/> with <c>"event": <paramref name="name"/></c> first.</summary>
    public void Write(string name, JsonObject fields)
    {
        var line = new JsonObject { ["event"] = name };
        foreach (var (key, value) in fields) line[key] = value?.DeepClone();
        lock (output)
        {
            output.WriteLine(line.ToJsonString(Options));
            output.Flush();
        }
    }
}
