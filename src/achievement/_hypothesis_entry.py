"""The hook hypothesis calls through its ``hypothesis`` entry point.

Kept apart from :mod:`achievement.strategies` because hypothesis runs its
entry points while it is itself being imported: when the import of
``achievement.strategies`` is what imports hypothesis, the strategies module
is not finished yet, and registers the types itself once it is.  The same
holds when the import of one of its private parts (``_strategies_values``,
``_strategies_cases``) is what imports hypothesis.
"""

from __future__ import annotations

import sys

_PARTS = {
    "achievement._strategies_values": "deadlines",
    "achievement._strategies_cases": "judgments",
}
"""The private parts of :mod:`achievement.strategies`, each with the last name it defines."""


def _hypothesis_setup_hook() -> None:
    """Register the model types with hypothesis, so that ``st.from_type(Target)`` works."""
    loading = sys.modules.get("achievement.strategies")
    if loading is not None and not hasattr(loading, "register_types"):
        return  # being imported right now; it registers at the end of its import
    for name, last in _PARTS.items():
        part = sys.modules.get(name)
        if part is not None and not hasattr(part, last):
            return  # a part is being imported; the public module registers when it is imported
    from achievement.strategies import register_types

    register_types()
