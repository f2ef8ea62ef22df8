"""The one error type HQ's operations raise for anything a user or terminal did wrong.

The API turns it into ``{"error": code, "message": text}`` with its HTTP status;
the CLI prints ``error: text`` and exits with status 2. No tracebacks for these.
"""

from __future__ import annotations


class HQError(Exception):
    def __init__(self, status: int, error: str, message: str = "") -> None:
        super().__init__(message or error)
        self.status = status
        self.error = error
        self.message = message or error


def unauthorized(message: str = "a valid bearer token is required") -> HQError:
    return HQError(401, "unauthorized", message)


def invalid(message: str, error: str = "invalid") -> HQError:
    return HQError(422, error, message)


def not_found(message: str) -> HQError:
    return HQError(404, "not_found", message)
