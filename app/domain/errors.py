"""The one base of every error that carries a code.

The core never writes words for people: it raises an error with a ``code`` (a short
snake_case key such as ``cash_short``) and an optional ``detail`` (data for the
message, e.g. the amount missing); the UI turns the code into words in the
cashier's language. Every such error of the terminal, the protocol and HQ derives
from :class:`CodedError`, so one handler can show any of them.
"""

from __future__ import annotations


class CodedError(Exception):
    """An error the UI can name: ``code`` says what, ``detail`` carries the data."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
