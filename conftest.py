"""Root pytest configuration: keep the doctest collector off the entry point."""

collect_ignore = ["kg/__main__.py", "scripts"]
