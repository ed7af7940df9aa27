"""A gradient-boosted classifier (LightGBM), trained deterministically, saved as data.

The model is LightGBM's text format (trees and thresholds: loading it parses numbers,
it runs no code) beside a JSON record of what it was trained on: the feature names in
order, the classes, the decision threshold, the article ids and folds, the code version.
Training is deterministic: one thread, fixed seeds, row-wise histograms.

>>> model = BoostedClassifier(rounds=5).fit([[0.0], [1.0]] * 20, [0, 1] * 20, ["x"])
>>> [round(p, 2) for p in model.predict_proba([[0.0], [1.0]])]
[0.41, 0.59]
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kg import __version__
from kg.errors import Errors, KGError

__all__ = ["BoostedClassifier", "ModelRecord"]


@dataclass
class ModelRecord:
    """What a model file records of its training."""

    features: list[str]
    threshold: float = 0.5
    trained_on: list[str] = field(default_factory=list)
    folds: list[str] = field(default_factory=list)
    code: str = __version__
    params: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)


class BoostedClassifier:
    """A binary gradient-boosted classifier over named numeric features.

    Args:
        rounds: boosting rounds; leaves: leaves per tree; rate: learning rate;
            min_leaf: fewest examples a leaf may hold; seed: every random seed.
    """

    def __init__(
        self,
        *,
        rounds: int = 300,
        leaves: int = 15,
        rate: float = 0.05,
        min_leaf: int = 10,
        seed: int = 7,
    ) -> None:
        self.params: dict[str, Any] = {
            "objective": "binary",
            "num_leaves": leaves,
            "learning_rate": rate,
            "min_data_in_leaf": min_leaf,
            "feature_fraction": 0.9,
            "bagging_fraction": 0.9,
            "bagging_freq": 1,
            "lambda_l2": 1.0,
            "seed": seed,
            "bagging_seed": seed,
            "feature_fraction_seed": seed,
            "data_random_seed": seed,
            "deterministic": True,
            "force_row_wise": True,
            "num_threads": 1,
            "verbosity": -1,
        }
        self.rounds = rounds
        self.booster: Any = None
        self.record = ModelRecord(features=[])

    def fit(
        self, rows: Sequence[Sequence[float]], labels: Sequence[int], features: Sequence[str]
    ) -> BoostedClassifier:
        """Train on ``rows`` (one value per name of ``features``) and their 0/1 labels."""
        import lightgbm

        data = lightgbm.Dataset(
            np.asarray(rows, dtype=np.float64),
            label=np.asarray(labels, dtype=np.float64),
            # LightGBM refuses JSON characters in names: the record keeps the real ones
            feature_name=[f"f{i}" for i in range(len(features))],
            params={"verbosity": -1},
            free_raw_data=True,
        )
        self.booster = lightgbm.train(self.params, data, num_boost_round=self.rounds)
        self.record = ModelRecord(
            features=list(features), params={**self.params, "rounds": self.rounds}
        )
        return self

    def predict_proba(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability of the positive class for each row."""
        if not len(rows):
            return []
        found = self.booster.predict(np.asarray(rows, dtype=np.float64), num_threads=1)
        return [float(p) for p in found]

    def save(self, path: Path) -> list[Path]:
        """Write ``path`` (the text model) and ``path`` + ``.json`` (its record)."""
        text = self.booster.model_to_string(num_iteration=-1)
        path.write_text(text, encoding="utf-8")
        record = path.with_suffix(path.suffix + ".json")
        record.write_text(
            json.dumps(self.record.__dict__, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        return [path, record]

    @classmethod
    def load(cls, path: Path, *, features: Sequence[str]) -> BoostedClassifier:
        """The model saved at ``path``, which must have been trained on ``features``.

        Raises:
            KGError: E190 when the files are missing or unreadable, E191 when the model
                was trained on other features (retrain it: scripts/train.py).
        """
        import lightgbm

        record_path = path.with_suffix(path.suffix + ".json")
        try:
            data = json.loads(record_path.read_text(encoding="utf-8"))
            record = ModelRecord(**data)
            booster = lightgbm.Booster(model_str=path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError, lightgbm.basic.LightGBMError) as exc:
            raise KGError(Errors.E190, path=path, reason=exc) from exc
        if list(record.features) != list(features):
            raise KGError(Errors.E191, path=path)
        model = cls()
        model.booster, model.record = booster, record
        return model
