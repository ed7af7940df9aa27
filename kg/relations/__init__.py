"""Relations between entities, with sentence-level evidence."""
