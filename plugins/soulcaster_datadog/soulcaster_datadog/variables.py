"""What a template variable looks like when Datadog left it as it was."""

from __future__ import annotations

import re

# A variable Datadog did not substitute (a typo, or one that does not apply to this monitor)
# arrives as its own name; keying dedup on "$ALERT_CYCLE_KEY" would merge every alert into one.
_UNSUBSTITUTED = re.compile(r"\$[A-Z][A-Z0-9_]*")


def is_unsubstituted(text: str) -> bool:
    """``text`` (stripped, non-empty) is a bare ``$VARIABLE``."""
    # Only a leading "$" can start one: most values skip the regex.
    return text[0] == "$" and _UNSUBSTITUTED.fullmatch(text) is not None
