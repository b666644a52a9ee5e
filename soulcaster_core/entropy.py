"""Random hex digits for ids, read from the OS's generator a page at a time.

Every webhook makes two ids (the item's and its delivery record's); a system call each cost
more than the rest of making them on this project's VMs (bench/ingest.py, docs/benchmarks.md).
The bytes are the same ``os.urandom`` bytes, each handed out once.
"""

from __future__ import annotations

import os
import threading

#: Bytes read per system call: a few hundred ids.
_PAGE = 4096

_lock = threading.Lock()  # the SQLite store makes ids in worker threads too
_page = b""
_at = 0


def random_hex(size: int) -> str:
    """``os.urandom(size).hex()``, from bytes no other caller got."""
    global _page, _at
    with _lock:
        end = _at + size
        if end > len(_page):
            _page, end = os.urandom(max(_PAGE, size)), size
            start = 0
        else:
            start = _at
        _at = end
        return _page[start:end].hex()


def _forget() -> None:
    """A forked process (``serve``'s worker, uvicorn's workers) must not hand out the bytes
    its parent will: the ids would repeat across processes."""
    global _page, _at
    _page, _at = b"", 0


os.register_at_fork(after_in_child=_forget)
