using System.Globalization;
using Valence.Eeg.Datasets;
using Valence.Eeg.Formats;
using Valence.Eeg.Formats.Edf;
using Valence.Eeg.Formats.Mat;
using Valence.Eeg.Formats.Pickle;
using Valence.Eeg.Recordings;
using Valence.Emotion.Experiments;
using Valence.Emotion.Models;
using Valence.Nn.Serialization;

namespace Valence.Emotion.Inspection;

/// <summary>
/// Describes any file Valence reads: a DEAP subject (<c>.dat</c>, <c>.mat</c>), an EDF/BDF recording, a model or
/// checkpoint (<c>.safetensors</c>, <c>.ckpt</c>), or a DEAP folder: format, shape, channels, sample rate, and a
/// summary of the ratings and labels.
/// </summary>
public static class FileInspector
{
    /// <summary>Inspects <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing is there.</exception>
    /// <exception cref="NotSupportedException">The extension is not one Valence reads.</exception>
    /// <exception cref="EegFormatException">An EEG file is malformed (the message names file, place and reason).</exception>
    /// <exception cref="ModelFormatException">A model file is malformed.</exception>
    public static Inspection Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path)) return Folder(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file or folder.", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".dat" => Recording(path, "DEAP preprocessed subject (Python pickle)", DeapDatReader.Read(path)),
            ".mat" => Recording(path, "DEAP preprocessed subject (MATLAB 5)", DeapMatReader.Read(path)),
            ".bdf" or ".edf" => Edf(path),
            ".safetensors" or ".ckpt" => SafeTensors(path),
            string other => throw new NotSupportedException(
                $"{path}: Valence reads .dat, .mat, .bdf, .edf, .safetensors and .ckpt files and DEAP folders, not '{other}' files."),
        };
    }

    private static Inspection Recording(string path, string kind, SubjectRecording r)
    {
        var fields = new List<InspectionField>
        {
            new("subject", r.Subject.ToString(CultureInfo.InvariantCulture)),
            new("shape", $"{r.TrialCount} trials × {r.ChannelCount} channels × {r.SamplesPerTrial} samples"),
            new("sample rate", $"{Number(r.SampleRate)} Hz"),
            new("trial length", $"{Number(r.TrialSeconds)} s, of which {Number(r.BaselineSeconds)} s baseline"),
            new("channels", string.Join(", ", r.ChannelNames)),
        };
        fields.AddRange(Ratings(r.Ratings));
        return new Inspection(path, kind, fields);
    }

    private static IEnumerable<InspectionField> Ratings(IReadOnlyList<Ratings> ratings)
    {
        yield return Rating("valence", ratings.Select(r => r.Valence));
        yield return Rating("arousal", ratings.Select(r => r.Arousal));
        yield return Rating("dominance", ratings.Select(r => r.Dominance));
        yield return Rating("liking", ratings.Select(r => r.Liking));
        var scheme = LabelScheme.Quadrants;
        var counts = new int[scheme.ClassCount];
        foreach (var r in ratings)
            if (!float.IsNaN(r.Valence) && !float.IsNaN(r.Arousal)) counts[scheme.Label(r)]++;
        yield return new("quadrant labels", string.Join(", ", scheme.ClassNames.Select((name, c) => $"{name} {counts[c]}")) + " (threshold 5)");
    }

    private static InspectionField Rating(string name, IEnumerable<float> values)
    {
        double[] v = [.. values.Where(x => !float.IsNaN(x)).Select(x => (double)x)];
        if (v.Length == 0) return new(name, "none");
        double mean = v.Average();
        double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return new(name, string.Create(CultureInfo.InvariantCulture, $"mean {mean:F2} ± {sd:F2}, range {v.Min():F2}–{v.Max():F2}"));
    }

    private static Inspection Edf(string path)
    {
        using var reader = EdfReader.Open(path);
        var h = reader.Header;
        var signals = h.Signals.Where(s => !s.IsAnnotation).ToArray();
        var rates = signals.Select(s => s.SampleRate).Distinct().Select(Number);
        var fields = new List<InspectionField>
        {
            new("format", $"{h.Format}{(h.IsPlus ? "+" : "")}{(h.IsDiscontinuous ? " (discontinuous)" : "")}"),
            new("records", $"{h.RecordCount} × {Number(h.RecordDurationSeconds)} s = {Number(h.RecordCount * h.RecordDurationSeconds)} s"),
            new("signals", $"{signals.Length}{(signals.Length < h.Signals.Count ? $" (+ {h.Signals.Count - signals.Length} annotation)" : "")}"),
            new("sample rate", $"{string.Join(", ", rates)} Hz"),
            new("channels", string.Join(", ", signals.Select(s => s.Label))),
            new("start", h.StartTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        };
        return new Inspection(path, h.Format == EdfFormat.Bdf ? "BDF recording" : "EDF recording", fields);
    }

    private static Inspection SafeTensors(string path)
    {
        var content = SafeTensorsFile.Read(path);
        if (!content.Metadata.ContainsKey("model_spec"))
        {
            long values = content.Tensors.Sum(t => (long)t.ElementCount);
            return new Inspection(path, "safetensors file", [
                new("tensors", $"{content.Tensors.Count} ({values:N0} values)"),
                new("metadata", string.Join(", ", content.Metadata.Keys)),
                .. content.Tensors.Take(12).Select(t => new InspectionField(t.Name, $"{t.DType} [{string.Join(", ", t.Shape)}]")),
            ]);
        }
        var model = EmotionModelFile.Load(path);
        var spec = model.Spec;
        long parameters = model.Model.StateParameters().Sum(p => (long)p.Parameter.Value.Length);
        var fields = new List<InspectionField>
        {
            new("model", $"{spec.Preset}: {ModelPresets.Get(spec.Preset).Description}"),
            new("input", $"{spec.Channels} channels × {spec.Samples} samples ({Number(spec.WindowSeconds)} s at {Number(spec.SampleRate)} Hz)"),
            new("channels", string.Join(", ", model.ChannelNames)),
            new("classes", string.Join(", ", model.ClassNames)),
            new("parameters", parameters.ToString("N0", CultureInfo.InvariantCulture)),
            new("spec", spec.ToJson().ToJsonString()),
        };
        if (model.Metadata.TryGetValue(ExperimentModelMetadata.Settings, out var json))
        {
            var settings = ExperimentSettings.FromJson(json);
            fields.Add(new("protocol", $"{settings.Protocol.Name}{(settings.Protocol.Leaky ? " (leaky)" : "")}, fold {int.Parse(model.Metadata[ExperimentModelMetadata.Fold], CultureInfo.InvariantCulture) + 1}"));
            fields.Add(new("normalisation", settings.Normalization.Describe()));
        }
        if (model.Metadata.TryGetValue(ExperimentModelMetadata.Preprocessing, out var pipeline))
        {
            var steps = Valence.Eeg.Preprocessing.Settings.PreprocessingSettings.FromJson(pipeline).Steps;
            fields.Add(new("preprocessing", string.Join(" → ", steps.Select(s => s.Kind))));
        }
        return new Inspection(path, "Valence emotion model", fields);
    }

    private static Inspection Folder(string path)
    {
        var folder = DeapFolder.Open(path);
        var survey = folder.Survey();
        var problems = survey.Where(s => !s.IsReadable).ToArray();
        var fields = new List<InspectionField>
        {
            new("format", folder.Format.ToString()),
            new("location", folder.Location),
            new("subjects", $"{folder.Subjects.Count}: {string.Join(", ", folder.Subjects.Select(s => $"s{s:D2}"))}"),
            new("problems", problems.Length == 0 ? "none" : string.Join("; ", problems.Select(p => $"s{p.Subject:D2} {p.Problem}"))),
        };
        if (folder.RatingsPath is { } ratings) fields.Add(new("ratings", ratings));
        var first = folder.Subjects.FirstOrDefault(s => survey.Any(x => x.Subject == s && x.IsReadable));
        if (first > 0 && folder.Format != DeapFormat.Raw)
        {
            var r = folder.Read(first);
            fields.Add(new($"s{first:D2}", $"{r.TrialCount} trials × {r.ChannelCount} channels × {r.SamplesPerTrial} samples at {Number(r.SampleRate)} Hz"));
        }
        return new Inspection(path, "DEAP folder", fields);
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
