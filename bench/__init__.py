"""Benchmarks (``make bench``): scripts that print figures, never timed tests."""
