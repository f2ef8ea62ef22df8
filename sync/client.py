"""HTTP client of the HQ API (requests). Knows the transport, not the ledger.

Every failure is one of two kinds: :class:`HQUnavailable` (no network, timeout,
5xx, a truncated, oversized or garbled answer: try again later) or
:class:`HQRefused` (HQ said no: unknown or revoked terminal, bad pairing code:
retrying will not help, the operator must act).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import requests

from sync.protocol import API_PREFIX, MAX_BODY_BYTES

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 3.05
READ_TIMEOUT_S = 20.0


class HQUnavailable(Exception):
    """HQ could not be reached or gave no usable answer; nothing was learnt."""


class HQRefused(Exception):
    """HQ refused the request. ``code``: unauthorized, terminal_revoked, bad_request, ..."""

    def __init__(self, code: str, message: str = "", status: int = 0) -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message
        self.status = status


class HQClient:
    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._session = requests.Session()

    def close(self) -> None:
        self._session.close()

    # --- API ---------------------------------------------------------------------------
    def enroll(self, pairing_code: str, device_name: str) -> Any:
        return self._call(
            "POST", "/enroll", body={"pairing_code": pairing_code.strip(), "device_name": device_name}
        )

    def feed(self, cursor: int, limit: int, wait: float) -> Any:
        return self._call(
            "GET",
            "/feed",
            params={"cursor": cursor, "limit": limit, "wait": int(wait)},
            read_timeout=wait + READ_TIMEOUT_S,
        )

    def push(self, events: Sequence[Mapping[str, Any]]) -> Any:
        return self._call("POST", "/events", body={"events": list(events)})

    def terminal_status(self) -> Any:
        return self._call("GET", "/terminal")

    def member_purchases(self, member_id: str, limit: int = 5) -> Any:
        """The member's latest purchases in every store and online (totals only)."""
        return self._call("GET", f"/members/{quote(member_id, safe='')}/purchases",
                          params={"limit": limit}, read_timeout=3.0)

    # --- transport -----------------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Mapping[str, Any] | None = None,
        read_timeout: float = READ_TIMEOUT_S,
    ) -> Any:
        url = f"{self.base_url}{API_PREFIX}{path}"
        headers = {"Accept": "application/json"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        try:
            with self._session.request(
                method,
                url,
                json=body,
                params=params,
                headers=headers,
                timeout=(CONNECT_TIMEOUT_S, read_timeout),
                stream=True,
            ) as response:
                raw = _read_limited(response)
                status = response.status_code
        except requests.RequestException as exc:
            raise HQUnavailable(f"{method} {path}: {type(exc).__name__}: {exc}") from exc
        try:
            data = json.loads(raw) if raw else None
        except ValueError as exc:
            if status >= 500 or status < 400:
                raise HQUnavailable(f"{method} {path}: answer is not JSON ({status})") from exc
            data = None
        if status >= 500 or status in (408, 429):
            raise HQUnavailable(f"{method} {path}: HTTP {status}")
        if status >= 400:
            error = data.get("error", "") if isinstance(data, Mapping) else ""
            message = data.get("message", "") if isinstance(data, Mapping) else ""
            code = error or {401: "unauthorized", 403: "forbidden", 404: "not_found"}.get(
                status, "bad_request"
            )
            raise HQRefused(str(code), str(message or error), status)
        if data is None:
            raise HQUnavailable(f"{method} {path}: empty answer ({status})")
        return data


def _read_limited(response: requests.Response) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HQUnavailable(f"answer too large: {declared} bytes")
    chunks = []
    size = 0
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise HQUnavailable(f"answer larger than {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    if declared and declared.isdigit() and len(data) != int(declared):
        raise HQUnavailable(f"answer truncated: {len(data)} of {declared} bytes")
    return data
