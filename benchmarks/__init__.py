"""Benchmarks of the viewer at scale: import, queries, the window, extraction."""
