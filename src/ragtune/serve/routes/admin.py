"""Open endpoints (no key): liveness, Prometheus metrics, the web page and its files."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse, Response

from ragtune.serve.errors import ApiError
from ragtune.serve.server import Server, get_server

STATIC = Path(__file__).resolve().parent.parent / "static"
router = APIRouter()


@router.get("/healthz")
async def healthz(server: Server = Depends(get_server)) -> dict:
    return {"status": "ok", "queue": server.batcher.depth,
            "uptime_s": round(time.time() - server.started, 1)}  # fmt: skip


@router.get("/metrics")
async def metrics(server: Server = Depends(get_server)) -> Response:
    return Response(server.metrics.render(), media_type="text/plain; version=0.0.4")


@router.get("/")
async def page() -> FileResponse:
    return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})


@router.get("/static/{name}")
async def static(name: str) -> FileResponse:
    path = STATIC / name
    if "/" in name or name.startswith(".") or not path.is_file():
        raise ApiError(404, "not found")
    return FileResponse(path, headers={"Cache-Control": "no-store"})
