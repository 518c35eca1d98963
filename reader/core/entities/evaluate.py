"""Exact-match entity scoring (precision, recall, F1 per type and micro-averaged), as conlleval does."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.core.entities.conll import iob_spans


@dataclass
class Scores:
    """Counts of correct, predicted and gold entities, per type."""

    correct: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def add(self, gold_tags: list[str], pred_tags: list[str]) -> None:
        """Count one sentence."""
        g = set(iob_spans(gold_tags))
        p = set(iob_spans(pred_tags))
        for s in g:
            self.gold[s[2]] += 1
        for s in p:
            self.predicted[s[2]] += 1
        for s in g & p:
            self.correct[s[2]] += 1

    def prf(self, typ: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 in percent, for one type or over all (micro-average)."""
        if typ is None:
            c, p, g = sum(self.correct.values()), sum(self.predicted.values()), sum(self.gold.values())
        else:
            c, p, g = self.correct[typ], self.predicted[typ], self.gold[typ]
        prec = 100.0 * c / p if p else 0.0
        rec = 100.0 * c / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return prec, rec, f1

    def types(self) -> list[str]:
        return sorted(set(self.gold) | set(self.predicted))

    def table(self) -> str:
        """A small text table: one row per type and the overall row."""
        rows = ["type       P      R      F1     gold"]
        for t in self.types():
            p, r, f = self.prf(t)
            rows.append(f"{t:<8} {p:6.2f} {r:6.2f} {f:6.2f} {self.gold[t]:6d}")
        p, r, f = self.prf()
        rows.append(f"{'overall':<8} {p:6.2f} {r:6.2f} {f:6.2f} {sum(self.gold.values()):6d}")
        return "\n".join(rows)
