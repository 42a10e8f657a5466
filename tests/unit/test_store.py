"""Every RocksDB database of a worker shares one memory budget (streams/store.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import faust
import pytest
from faust.stores.rocksdb import RocksDBOptions

from streams import store

BUDGET_MB = 8
#: like a worker holding many partitions: 24 databases (3 tables x 8 partitions), each
#: written ~0.8 MB of incompressible values, less than one memtable (1 MB) each
DATABASES = 24
WRITES_PER_DATABASE = 400
VALUE_BYTES = 2000


@pytest.fixture
def small_budget() -> Iterator[None]:
    before = store._BUDGET_BYTES
    store.install(BUDGET_MB)
    yield
    store.install(before // 2**20)


def _memtables_after_filling(options_class: type[RocksDBOptions], where: Path) -> int:
    dbs = []
    try:
        for i in range(DATABASES):
            options = options_class(write_buffer_size=2**20, max_write_buffer_number=2, use_rocksdict=True)
            dbs.append(options.open(where / f"db{i}"))
        for db in dbs:
            for k in range(WRITES_PER_DATABASE):
                db[b"k%d" % k] = os.urandom(VALUE_BYTES)
        return sum(int(db.property_int_value("rocksdb.cur-size-all-mem-tables")) for db in dbs)
    finally:
        for db in dbs:
            db.close()


def test_memtables_of_all_databases_stay_within_the_budget(small_budget: None, tmp_path: Path) -> None:
    budget = BUDGET_MB * 2**20
    own = _memtables_after_filling(RocksDBOptions, tmp_path / "faust")
    shared = _memtables_after_filling(store.BoundedRocksDBOptions, tmp_path / "bounded")
    assert own > 2 * budget  # faust's options: every database keeps its own memtables full
    assert shared <= budget


def test_rocksdb_urls_open_the_bounded_store() -> None:
    store.install(store._BUDGET_BYTES // 2**20)
    assert faust.stores.by_url("rocksdb://") is store.BoundedStore
    assert faust.stores.by_url("memory://") is not store.BoundedStore
