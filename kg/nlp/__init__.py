"""The spaCy pipeline: blank zh + jieba, and our registered components."""
