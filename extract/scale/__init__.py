"""Running extraction at scale: worker processes or a Dask cluster, one SQLite writer.

`extract.scale.runner.run_sources_parallel` is what `extract run --workers N`
and `extract run --dask ADDRESS` call.
"""
