using Valence.Nn.Layers;

namespace Valence.Emotion.Models;

/// <summary>A trained model with everything needed to apply it to new windows, as <see cref="EmotionModelFile"/> stores it.</summary>
/// <param name="Model">The network: [batch, channels, samples] → [batch, classes] logits.</param>
/// <param name="Spec">The spec that builds the network's architecture.</param>
/// <param name="ChannelNames">The names of the input channels, in input order.</param>
/// <param name="ClassNames">The names of the classes, in logit order.</param>
/// <param name="Metadata">Any further metadata stored with the model (preprocessing, normaliser statistics…).</param>
public sealed record EmotionModel(
    Sequential Model,
    ModelSpec Spec,
    IReadOnlyList<string> ChannelNames,
    IReadOnlyList<string> ClassNames,
    IReadOnlyDictionary<string, string> Metadata);
