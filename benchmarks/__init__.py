"""Benchmarks: each figure printed as a ratio to a floor measured in the same run.

Run ``python -m benchmarks`` (``--scale 0.1`` for a quick look); the README
records the last figures against the goals of issue 11.
"""
