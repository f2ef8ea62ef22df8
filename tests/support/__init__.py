"""Test-only helpers (fault-injecting network proxy, ...)."""
