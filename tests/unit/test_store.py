"""Every RocksDB database of a worker shares one memory budget (streams/store.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import faust
import pytest
from faust.stores.rocksdb import RocksDBOptions

from streams import store

BUDGET_MB = 16
#: like a worker holding several partitions of several tables
DATABASES = 12
WRITES_PER_DATABASE = 300
VALUE_BYTES = 2000


@pytest.fixture
def small_budget() -> Iterator[None]:
    before = store._BUDGET_BYTES
    store.install(BUDGET_MB)
    yield
    store.install(before // 2**20)


def _filled(options_class: type[RocksDBOptions], where: Path) -> list[tuple[int, int, int]]:
    """(block cache capacity, block cache usage, memtable bytes) of each database, after
    writing to every database in turn as a worker does."""
    dbs = []
    try:
        for i in range(DATABASES):
            options = options_class(write_buffer_size=2**20, max_write_buffer_number=2, use_rocksdict=True)
            dbs.append(options.open(where / f"db{i}"))
        for k in range(WRITES_PER_DATABASE):
            for db in dbs:
                db[b"k%d" % k] = os.urandom(VALUE_BYTES)
        return [(int(db.property_int_value("rocksdb.block-cache-capacity")),
                 int(db.property_int_value("rocksdb.block-cache-usage")),
                 int(db.property_int_value("rocksdb.cur-size-all-mem-tables"))) for db in dbs]
    finally:
        for db in dbs:
            db.close()


def test_every_database_uses_one_cache_of_the_budget_that_also_counts_their_memtables(
    small_budget: None, tmp_path: Path,
) -> None:
    stats = _filled(store.BoundedRocksDBOptions, tmp_path)
    assert {capacity for capacity, _, _ in stats} == {BUDGET_MB * 2**20}
    assert len({usage for _, usage, _ in stats}) == 1  # one cache: the same usage seen from each
    memtables = sum(m for _, _, m in stats)
    assert memtables > 0 and stats[0][1] >= memtables  # the memtables are charged to it


def test_faust_own_options_give_each_database_its_own_cache_outside_any_budget(tmp_path: Path) -> None:
    stats = _filled(RocksDBOptions, tmp_path)
    memtables = sum(m for _, _, m in stats)
    assert all(usage < memtables for _, usage, _ in stats)  # memtables are counted nowhere


def test_rocksdb_urls_open_the_bounded_store() -> None:
    store.install(store._BUDGET_BYTES // 2**20)
    assert faust.stores.by_url("rocksdb://") is store.BoundedStore
    assert faust.stores.by_url("memory://") is not store.BoundedStore
