"""Benchmarks (`make bench`): speed figures printed beside a baseline measured in the same run.

Performance is measured here, not asserted in tests: nothing in this package passes or fails on
a timing, so a slow machine or a busy one gives different figures, never a red build.
"""
