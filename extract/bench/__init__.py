"""Benchmarks: `extract bench` (pipeline throughput, extract.bench.throughput)
and `extract bench-queries` (query speed on 1M events, extract.bench.query_scale)."""
