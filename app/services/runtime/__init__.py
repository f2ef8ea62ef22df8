"""Runtime: what every other service layer may use and that uses none of them.

The terminal's identity and devices (:mod:`.terminal`), the core's plain events
(:mod:`.events`), the single ledger writer (:mod:`.writer`) and the preferences
(:mod:`.settings`). Imports nothing from the other service layers.
"""
