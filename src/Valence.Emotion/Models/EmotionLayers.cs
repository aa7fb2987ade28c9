using Valence.Nn.Layers;

namespace Valence.Emotion.Models;

/// <summary>
/// The layer types Valence.Emotion adds to Valence.Nn's <see cref="LayerFactory"/> (<see cref="BandPowerFeatures"/>,
/// <see cref="FeatureStandardizer"/>), so that configurations, model files and checkpoints naming them load.
/// </summary>
/// <remarks>Valence.Emotion's own entry points (model specs, model files, checkpoints) register them first; call
/// <see cref="EnsureRegistered"/> before reading such a file through Valence.Nn directly.</remarks>
public static class EmotionLayers
{
    private static readonly Lazy<bool> Registration = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the layer types, once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    private static bool Register()
    {
        LayerFactory.Register<BandPowerFeaturesOptions>("BandPowerFeatures", (name, options) => new BandPowerFeatures(name, options));
        LayerFactory.Register<FeatureStandardizerOptions>("FeatureStandardizer", (name, options) => new FeatureStandardizer(name, options));
        return true;
    }
}
