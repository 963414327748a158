"""Benchmarks: each prints a readable table and, as its last line, one JSON object."""
