"""Benchmarks: `python -m bench NAME` prints one JSON object with the figure, a baseline
measured in the same run, and their ratio. Results and commands go in BENCHMARKS.md."""
