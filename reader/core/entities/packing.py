"""Integer label weights packed into one Python int per feature (32 bits per label), as the decoder and
training sum them: adding up the weights of many features is one C-level `sum()` of ints."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter


def quantize(weights: Mapping[str, Sequence[float]], prune: float = 0.0) -> tuple[dict[str, list[int]], float]:
    """Integer weights (int16 range) and their scale; features whose weights are all below `prune` go."""
    kept = {f: v for f, v in weights.items() if max(abs(x) for x in v) > prune}
    top = max((max(abs(x) for x in v) for v in kept.values()), default=1.0) or 1.0
    scale = top / 32000.0
    return {f: [round(x / scale) for x in v] for f, v in kept.items()}, scale


def label_getter(indices: list[int]) -> Callable[[Sequence[int]], tuple[int, ...]]:
    """A function picking the items at `indices` as a tuple (itemgetter gives a bare item for one index)."""
    if len(indices) == 1:
        k = indices[0]
        return lambda seq: (seq[k],)
    return itemgetter(*indices)


def pack(values: Sequence[int]) -> int:
    """One int holding a signed 32-bit field per label (exact under addition)."""
    return sum(v << (32 * k) for k, v in enumerate(values))


def pack_weights(weights: Mapping[str, Sequence[int]]) -> dict[str, int]:
    """Integer weight lists (from `quantize`) as packed ints for `TaggerModel`."""
    return {f: pack(v) for f, v in weights.items()}
