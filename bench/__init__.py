"""Benchmarks and the load test of the segments service.

`make bench` runs `python -m bench` and `make load` runs
`python -m bench.load`. Both aim only at servers they start, or at a URL
on 127.0.0.1, and every loop they run is bounded in time and in count.
"""
