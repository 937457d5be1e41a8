"""The hook hypothesis calls through its ``hypothesis`` entry point.

Kept apart from :mod:`achievement.strategies` because hypothesis runs its
entry points while it is itself being imported: when the import of
``achievement.strategies`` is what imports hypothesis, the strategies module
is not finished yet, and registers the types itself once it is.
"""

from __future__ import annotations

import sys


def _hypothesis_setup_hook() -> None:
    """Register the model types with hypothesis, so that ``st.from_type(Target)`` works."""
    loading = sys.modules.get("achievement.strategies")
    if loading is not None and not hasattr(loading, "register_types"):
        return  # being imported right now; it registers at the end of its import
    from achievement.strategies import register_types

    register_types()
