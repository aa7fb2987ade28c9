namespace Valence.Nn.Layers;

/// <summary>How a convolution pads the time axis before sliding its kernel.</summary>
/// <remarks>
/// With receptive field r = (kernel − 1)·dilation + 1 and input length T:
/// <list type="table">
/// <item><term><see cref="Valid"/></term><description>no padding; output ⌊(T − r)/stride⌋ + 1.</description></item>
/// <item><term><see cref="Same"/></term><description>output ⌈T/stride⌉; total padding max((out − 1)·stride + r − T, 0), ⌊total/2⌋ on the left, the rest on the right (PyTorch's <c>padding='same'</c> for stride 1, Keras/TensorFlow's 'same' otherwise).</description></item>
/// <item><term><see cref="Causal"/></term><description>r − 1 zeros on the left only, so output step t sees inputs up to t·stride (Keras' 'causal'); output ⌈T/stride⌉.</description></item>
/// <item><term><see cref="Explicit"/></term><description>a given number of zeros on each side (PyTorch's integer <c>padding=p</c>); output ⌊(T + 2p − r)/stride⌋ + 1.</description></item>
/// </list>
/// </remarks>
public enum PaddingMode
{
    /// <summary>No padding.</summary>
    Valid,

    /// <summary>Pads so that the output has ⌈T/stride⌉ steps, the extra zero (if any) on the right.</summary>
    Same,

    /// <summary>Pads on the left only, so no output depends on a later input.</summary>
    Causal,

    /// <summary>Pads a given number of zeros on each side.</summary>
    Explicit,
}
