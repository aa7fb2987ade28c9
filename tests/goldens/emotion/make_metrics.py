"""Writes metrics.json: classification metrics computed by scikit-learn for several label vectors.

Run with Debian's /usr/bin/python3 (python3-sklearn 1.2). The C# tests (tests/Valence.Emotion.Tests/Evaluation)
compare Valence's metrics against these values to 1e-12.

Conventions pinned here, as Valence follows them:
- per-class precision, recall and F1 over all k classes (labels=range(k)), 0 where a ratio is 0/0 (zero_division=0);
- macro-F1 with scikit-learn's default labels, i.e. averaged over the classes present in truth or predictions;
- balanced accuracy averages recall over the classes present in truth;
- confusion matrix rows are true classes, columns predicted classes;
- Cohen's kappa is undefined (NaN, stored as null) when chance agreement is 1.
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, cohen_kappa_score, confusion_matrix, f1_score,
                             precision_recall_fscore_support)


def noisy(truth, k, accuracy, rng):
    """Predictions equal to truth with probability `accuracy`, otherwise a uniformly drawn other class."""
    predicted = truth.copy()
    wrong = rng.random(truth.size) >= accuracy
    predicted[wrong] = (truth[wrong] + rng.integers(1, k, wrong.sum())) % k
    return predicted


def cases():
    rng = np.random.default_rng(20240611)
    truth = rng.integers(0, 4, 40)
    yield "mixed", 4, truth, noisy(truth, 4, 0.6, rng)

    truth = rng.integers(0, 4, 30)
    predicted = noisy(truth, 4, 0.5, rng)
    predicted[predicted == 3] = 0
    yield "never_predicted", 4, truth, predicted

    truth = rng.choice([0, 1, 3], 30)
    predicted = noisy(truth, 4, 0.5, rng)
    predicted[:3] = 2
    yield "absent_from_truth", 4, truth, predicted

    truth = rng.choice([0, 2, 3], 25)
    predicted = noisy(truth, 4, 0.6, rng)
    predicted[predicted == 1] = 3
    yield "absent_from_both", 4, truth, predicted

    truth = rng.integers(0, 4, 20)
    yield "perfect", 4, truth, truth.copy()

    truth = rng.integers(0, 4, 20)
    yield "all_wrong", 4, truth, (truth + 1) % 4

    yield "single_class", 4, np.zeros(6, dtype=np.int64), np.zeros(6, dtype=np.int64)

    truth = rng.integers(0, 2, 15)
    yield "binary", 2, truth, noisy(truth, 2, 0.7, rng)

    truth = rng.choice(4, 300, p=[0.55, 0.2, 0.15, 0.1])
    yield "imbalanced", 4, truth, noisy(truth, 4, 0.45, rng)


def finite_or_none(x):
    return None if math.isnan(x) else float(x)


def entry(name, k, truth, predicted):
    labels = list(range(k))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=labels,
                                                                         zero_division=0)
        return {
            "name": name,
            "classCount": k,
            "truth": [int(v) for v in truth],
            "predicted": [int(v) for v in predicted],
            "accuracy": float(accuracy_score(truth, predicted)),
            "balancedAccuracy": float(balanced_accuracy_score(truth, predicted)),
            "macroF1": float(f1_score(truth, predicted, average="macro", zero_division=0)),
            "kappa": finite_or_none(cohen_kappa_score(truth, predicted)),
            "precision": [float(v) for v in precision],
            "recall": [float(v) for v in recall],
            "f1": [float(v) for v in f1],
            "support": [int(v) for v in support],
            "confusion": confusion_matrix(truth, predicted, labels=labels).tolist(),
        }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    document = {"sklearn": sklearn.__version__, "cases": [entry(*c) for c in cases()]}
    with open(os.path.join(here, "metrics.json"), "w") as f:
        json.dump(document, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
