"""The reference HQ service: FastAPI + SQLAlchemy over PostgreSQL (or SQLite).

``python -m hq --help`` for the admin CLI; ``hq.api.create_app(db_url)`` for the
HTTP API (wire contract: ``sync/protocol.py``). HQ imports only ``app.domain``
and ``sync.protocol`` from the rest of the repository.
"""
