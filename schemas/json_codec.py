"""One place for JSON: fixed orjson options for every record the project reads or writes."""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel

__all__ = ["dumps", "loads", "dump_model"]

_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_UTC_Z


def _default(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot serialise {type(value).__name__} as JSON")


def dumps(value: Any) -> bytes:
    """Serialise ``value`` (plain data or pydantic models) to compact UTF-8 JSON bytes."""
    return orjson.dumps(value, default=_default, option=_OPTIONS)


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """Parse JSON bytes or text; raises ``orjson.JSONDecodeError`` (a ``ValueError``)."""
    return orjson.loads(data)


def dump_model(model: BaseModel) -> bytes:
    """Serialise a record in its JSON mode (dates as ISO strings), dropping nothing."""
    return orjson.dumps(model.model_dump(mode="json"), option=_OPTIONS)
