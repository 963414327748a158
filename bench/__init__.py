"""Benchmarks: each prints a readable table and, as its last line, one JSON object.

Each runs as ``python -m bench.<name>`` from the checkout or as ``python bench/<name>.py`` from
anywhere, and always imports the checkout's ``bot`` and ``tests``, whatever is installed.
"""
