"""The language of user-facing messages, from the Accept-Language header."""

from __future__ import annotations

from models.problems import Language


def pick_language(header: str | None) -> Language:
    """Return `vi` or `en`, whichever the client ranks higher; English is the fallback."""
    best: tuple[float, Language] = (0.0, "en")
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("vi", "en"):
            continue
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        # An earlier entry wins a tie, as the header lists preferences in order.
        score = weight - position * 1e-6
        if score > best[0]:
            best = (score, primary)  # type: ignore[assignment]
    return best[1]
