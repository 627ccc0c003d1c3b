"""Classification metrics: confusion matrix, accuracy, precision and recall per class (notebook 06)."""
from __future__ import annotations

import numpy as np

from .i18n import CourseError, check_positive_int


def _labels(y, name: str) -> np.ndarray:
    y = np.asarray(y).ravel()
    if y.dtype == bool or not y.size:  # True/False are the classes 1/0
        y = y.astype(np.int64)
    if not np.issubdtype(y.dtype, np.integer):
        raise CourseError(f"{name} में class labels पूर्णांक (integers 0, 1, 2, …) होने चाहिए; मिला dtype {y.dtype}।",
                          f"{name} must hold integer class labels (0, 1, 2, …); got dtype {y.dtype}.")
    return y


def confusion_matrix(y_true, y_pred, num_classes: int | None = None) -> np.ndarray:
    """cm[i, j] = number of examples of true class i predicted as class j."""
    y_true, y_pred = _labels(y_true, "y_true"), _labels(y_pred, "y_pred")
    if len(y_true) != len(y_pred):
        raise CourseError(f"y_true और y_pred की लंबाई एक होनी चाहिए (हर example का एक label); मिलीं {len(y_true)} और "
                          f"{len(y_pred)}।",
                          f"y_true and y_pred must have the same length (one label per example); got {len(y_true)} "
                          f"and {len(y_pred)}.")
    if num_classes is None and not len(y_true):
        raise CourseError("y_true और y_pred ख़ाली हैं: num_classes दीजिए या labels दीजिए।",
                          "y_true and y_pred are empty: give num_classes or some labels.")
    n = int(max(y_true.max(), y_pred.max())) + 1 if num_classes is None else check_positive_int(num_classes,
                                                                                                 "num_classes")
    for y, name in ((y_true, "y_true"), (y_pred, "y_pred")):
        if y.size and (y.min() < 0 or y.max() >= n):
            raise CourseError(f"{name} का हर label 0 से {n - 1} (num_classes − 1) के बीच होना चाहिए; मिला "
                              f"{y.min()}…{y.max()}।",
                              f"every label of {name} must be between 0 and {n - 1} (num_classes − 1); got "
                              f"{y.min()}…{y.max()}.")
    cm = np.zeros((n, n), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def _square(cm) -> np.ndarray:
    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise CourseError(f"confusion matrix वर्गाकार (K, K) होना चाहिए — K classes, row = असली class, column = "
                          f"predicted class; मिला shape {cm.shape}।",
                          f"a confusion matrix must be square (K, K) — K classes, row = true class, column = "
                          f"predicted class; got shape {cm.shape}.")
    return cm


def precision_recall(cm: np.ndarray):
    """Per-class precision TP / (TP + FP) and recall TP / (TP + FN); 0 where the denominator is 0."""
    cm = _square(cm)
    tp = np.diag(cm).astype(float)
    predicted, actual = cm.sum(axis=0), cm.sum(axis=1)
    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
    recall = np.divide(tp, actual, out=np.zeros_like(tp), where=actual > 0)
    return precision, recall


def accuracy(cm: np.ndarray) -> float:
    cm = _square(cm)
    return float(np.trace(cm) / cm.sum()) if cm.sum() else 0.0
