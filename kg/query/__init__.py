"""SPARQL over the built graph."""
