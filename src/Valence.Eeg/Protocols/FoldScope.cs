namespace Valence.Eeg.Protocols;

/// <summary>Whether k-fold cross-validation runs within each subject or over all subjects together.</summary>
public enum FoldScope
{
    /// <summary>Subject-dependent: each subject's trials are cut into k folds; k splits per subject, each holding that subject's windows only.</summary>
    PerSubject,

    /// <summary>All subjects' trials together are cut into k folds (stratified by subject and class); k splits.</summary>
    Pooled,
}
