"""Page data computed once per state of the database file.

Totals over every payout or event (home figures, charts, map, the page of an
organisation in most events) take seconds at a million events; they change
only when the database does. The state is the size and modification time of
the database file and its write-ahead log, which every commit touches.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

MAX_ENTRIES = 256

_cache: OrderedDict[tuple, tuple[tuple, Any]] = OrderedDict()


def database_state(path: str) -> tuple:
    state = []
    for name in (path, path + "-wal"):
        try:
            stat = os.stat(name)
            state.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            state.append(None)
    return tuple(state)


async def computed(db, key: tuple, compute: Callable[[Any], Any]) -> Any:
    """`compute(conn)` run on `db` (a Datasette database), or its value from
    the last run with the same `key` while the database file is unchanged."""
    if not db.path:
        return await db.execute_fn(compute)
    full_key = (db.path, *key)
    state = database_state(db.path)
    hit = _cache.get(full_key)
    if hit is not None and hit[0] == state:
        _cache.move_to_end(full_key)
        return hit[1]
    value = await db.execute_fn(compute)
    _cache[full_key] = (state, value)
    while len(_cache) > MAX_ENTRIES:
        _cache.popitem(last=False)
    return value
