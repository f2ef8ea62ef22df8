"""Operations: the health check load balancers and the test harness poll."""

from __future__ import annotations

from fastapi import APIRouter

from hq import feed
from hq.routes.deps import EngineDep

router = APIRouter(tags=["ops"])


@router.get("/healthz")
def health(engine: EngineDep) -> dict:
    return {"ok": True, "feed_head": feed.head(engine)}
