"""What a record may hold, checked where input is read (files, stdin, the HTTP API).

Each check raises ``BadInput`` with a message short enough for one error line, and never
lets the input's own text be taken for markup or code:

- ``parse_json``: JSON text to Python values; nesting deeper than Python can follow and
  integers longer than Python will convert (4,300 digits) are bad input, not crashes.
- ``check_published``: a publication date within ``PUBLISHED_YEARS``; dates far outside
  (year 1, year 9999) are typing slips or placeholders, and would make date arithmetic
  ("last week") and period series fail.
- ``nul_line``: where a raw NUL byte sits, as a line number.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Optional

PUBLISHED_YEARS = (1900, 2100)  # inclusive
MAX_JSON_DEPTH = 200


class BadInput(ValueError):
    """A record that cannot become a Document; the message says why."""


def parse_json(text: str) -> Any:
    """``json.loads`` whose failures are all ``BadInput`` (with the line and column where
    the decoder gives them)."""
    try:
        value = json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise BadInput(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise BadInput("JSON nested too deeply") from None
    depth = _depth(value)
    if depth > MAX_JSON_DEPTH:
        raise BadInput(f"JSON nested {depth} levels deep (at most {MAX_JSON_DEPTH})")
    return value


def _parse_int(digits: str) -> int:
    try:
        return int(digits)
    except ValueError:  # over sys.get_int_max_str_digits()
        raise BadInput(f"a number of {len(digits.lstrip('-')):,} digits (too long to read)") from None


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value``, without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item if isinstance(child, (list, dict)))
    return deepest


def check_published(value: Optional[date], what: str = "published date") -> Optional[date]:
    """``value`` when it lies within ``PUBLISHED_YEARS``; BadInput otherwise."""
    if value is not None and not (PUBLISHED_YEARS[0] <= value.year <= PUBLISHED_YEARS[1]):
        raise BadInput(f"{what} {value.isoformat()} is outside the years "
                       f"{PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[1]}")
    return value


def published_problem(value: Optional[date]) -> Optional[str]:
    """Why a publication date cannot be used, or None."""
    try:
        check_published(value)
    except BadInput as exc:
        return str(exc)
    return None


def nul_line(data: bytes) -> Optional[int]:
    """The line (from 1) of the first NUL byte in ``data``, or None."""
    nul = data.find(b"\x00")
    return None if nul < 0 else data.count(b"\n", 0, nul) + 1
