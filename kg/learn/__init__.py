"""The learned layer: models trained on our own gold decide over what the rules, the
gazetteers and the statistical recogniser propose.

- :mod:`kg.learn.features`: named features of an entity of a document, and of a pair of
  entities in a sentence (pure functions of the records);
- :mod:`kg.learn.model`: a gradient-boosted classifier with ``fit``/``predict_proba``,
  saved as a text model and a JSON record of what it was trained on (never pickle);
- :mod:`kg.learn.layer`: the decisions made with them in the per-document step.
"""
