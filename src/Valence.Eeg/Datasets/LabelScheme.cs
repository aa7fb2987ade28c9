using System.Globalization;
using Valence.Eeg.Recordings;

namespace Valence.Eeg.Datasets;

/// <summary>
/// How ratings become class labels: the target, the threshold that splits DEAP's 1–9 scale into low and high, and
/// the rule for a rating exactly on the threshold. The class names travel with the scheme (and with every set of
/// labels it makes), so a model never meets a bare class number.
/// </summary>
/// <remarks>
/// Classes are numbered as TorchEEG numbers them. Quadrant: class = 2·V + A with V, A ∈ {0 low, 1 high}, so
/// 0 LVLA, 1 LVHA, 2 HVLA, 3 HVHA. Valence: 0 LV, 1 HV. Arousal: 0 LA, 1 HA.
/// Defaults: threshold 5, a rating of exactly 5 counts as high (<see cref="ThresholdTie.EqualIsHigh"/>).
/// </remarks>
public sealed record LabelScheme
{
    private static readonly string[] QuadrantNames = ["LVLA", "LVHA", "HVLA", "HVHA"];
    private static readonly string[] ValenceNames = ["LV", "HV"];
    private static readonly string[] ArousalNames = ["LA", "HA"];

    /// <summary>Creates a scheme.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not finite, or the target or tie rule is not a defined value.</exception>
    public LabelScheme(LabelTarget target = LabelTarget.Quadrant, double threshold = 5, ThresholdTie tie = ThresholdTie.EqualIsHigh)
    {
        if (!Enum.IsDefined(target))
            throw new ArgumentOutOfRangeException(nameof(target), target, "The label target must be Quadrant, Valence or Arousal.");
        if (!Enum.IsDefined(tie))
            throw new ArgumentOutOfRangeException(nameof(tie), tie, "The tie rule must be EqualIsHigh or EqualIsLow.");
        if (!double.IsFinite(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite rating (DEAP's scale is 1–9).");
        Target = target;
        Threshold = threshold;
        Tie = tie;
    }

    /// <summary>The four quadrants with the defaults: threshold 5, a 5 counts as high.</summary>
    public static LabelScheme Quadrants { get; } = new();

    /// <summary>What the labels say.</summary>
    public LabelTarget Target { get; }

    /// <summary>The rating that separates low from high.</summary>
    public double Threshold { get; }

    /// <summary>Where a rating equal to <see cref="Threshold"/> goes.</summary>
    public ThresholdTie Tie { get; }

    /// <summary>Class names, indexed by class number.</summary>
    public IReadOnlyList<string> ClassNames => Target switch
    {
        LabelTarget.Quadrant => QuadrantNames,
        LabelTarget.Valence => ValenceNames,
        _ => ArousalNames,
    };

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>Whether <paramref name="rating"/> is high under the threshold and tie rule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is NaN.</exception>
    public bool IsHigh(float rating)
    {
        if (float.IsNaN(rating))
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is NaN; it cannot be labelled.");
        return Tie == ThresholdTie.EqualIsHigh ? rating >= Threshold : rating > Threshold;
    }

    /// <summary>The class of a trial rated <paramref name="ratings"/>.</summary>
    public int Label(Ratings ratings) => Target switch
    {
        LabelTarget.Quadrant => 2 * (IsHigh(ratings.Valence) ? 1 : 0) + (IsHigh(ratings.Arousal) ? 1 : 0),
        LabelTarget.Valence => IsHigh(ratings.Valence) ? 1 : 0,
        _ => IsHigh(ratings.Arousal) ? 1 : 0,
    };

    /// <summary>A stable text form, for manifests, hashes and the model file.</summary>
    public string Canonical =>
        $"target={Target};threshold={Threshold.ToString(CultureInfo.InvariantCulture)};tie={Tie};classes={string.Join(",", ClassNames)}";
}
