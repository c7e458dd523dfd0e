"""Provides the precision, recall and F1 arithmetic shared by the event benchmarks (bench/events.py and
bench/events_heldout.py): a mixin for a tally that counts true positives, false positives and false
negatives.
"""

from __future__ import annotations


class PRF:
    """Precision, recall and F1 over the `tp`, `fp` and `fn` counts of the class it is mixed into. Nothing
    extracted gives precision 1.0, nothing expected gives recall 1.0, and F1 is 0.0 when both are 0."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
