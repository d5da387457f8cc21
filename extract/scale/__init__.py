"""How a run executes: tasks read and extracted here, in worker processes or on a
Dask cluster (backends.py, tasks.py), one SQLite writer storing results in input
order (writer.py), and the loop that ties them (runner.run_tasks), which
extract.pipeline's `run_sources` and `reprocess` call.
"""
