"""Garbage collection tuned for one command run, never for the library.

A report builds many small objects that live until it is written, and the
modules and classes imported before it never die; the cyclic collector would
walk them all again and again.  While a command runs, what exists when it
starts is frozen (``gc.freeze``) and young objects are collected less often;
both are put back when the command ends, so a program that calls
:func:`achievement.cli.main` keeps its own settings.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["tuned"]

_THRESHOLD = (50_000, 20, 100)


@contextmanager
def tuned() -> Iterator[None]:
    """Freeze what exists and collect less often, until the block ends."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
