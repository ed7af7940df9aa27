"""The vocabulary: the ground floor, and the only room that reads ``ontology/``.

- :mod:`kg.vocab.ontology`: the namespace, the entity classes and their subclasses, the
  relation types with their ends and labels in both languages, and how each is drawn, all
  read from ``ontology/kg.ttl`` (and ``display.tsv``);
- :mod:`kg.vocab.lexicon`: every word list of ``ontology/lexicon/``;
- :mod:`kg.vocab.places`: the gazetteer's places and the facts between them;
- :mod:`kg.vocab.words`: word frequencies and tags (jieba's dictionary);
- :mod:`kg.vocab.files`: where ``ontology/`` is.

It imports nothing of this package but :mod:`kg.errors`, :mod:`kg.types` and
:mod:`kg.text`.
"""
