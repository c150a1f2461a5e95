"""Problems found in user input, in a form every layer can report.

A problem names the input path it concerns, a stable upper-case code and
its message in English and Vietnamese; the GraphQL layer picks the message
that matches `Accept-Language` and returns it as a `userErrors` entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["en", "vi"]


@dataclass(frozen=True)
class Problem:
    """One reason an input was rejected.

    `field` is a dotted path into the mutation's input, such as
    `conditionGroups.0.conditions.1.value` or `customers.12.phone`.
    """

    field: str
    code: str
    en: str
    vi: str

    def message(self, language: Language) -> str:
        return self.vi if language == "vi" else self.en

    def under(self, prefix: str) -> Problem:
        """Return the same problem with its path placed under `prefix`."""
        path = f"{prefix}.{self.field}" if self.field else prefix
        return Problem(path, self.code, self.en, self.vi)


class ProblemError(Exception):
    """Raised by pure code when input is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.en}" for p in problems))
        self.problems = problems
