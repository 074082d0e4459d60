"""Errors in OpenAI's shape, `{"error": {"message", "type", "param", "code"}}`, for every
failure the server answers: its own refusals, validation errors, unknown routes, user
mistakes (`RagtuneError`) and internal errors (logged, never shown beyond the type name)."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ragtune.errors import RagtuneError
from ragtune.serve.openai_compat import error_body

log = logging.getLogger("ragtune.serve")


class ApiError(Exception):
    """A refusal with its HTTP status; `param` names the request field at fault."""

    def __init__(self, status: int, message: str, type_: str = "invalid_request_error",
                 code: str | None = None, headers: dict[str, str] | None = None,
                 param: str | None = None):  # fmt: skip
        super().__init__(message)
        self.status, self.message, self.type, self.code = status, message, type_, code
        self.headers, self.param = headers, param

    def body(self) -> dict[str, Any]:
        body = error_body(self.message, self.type, self.code)
        body["error"]["param"] = self.param
        return body

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), self.status, headers=self.headers)


def user_error(e: RagtuneError) -> ApiError:
    return ApiError(400, f"{e.message} ({e.hint})" if e.hint else e.message)


def json_response(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, default=str, ensure_ascii=False), status,
                    media_type="application/json")  # fmt: skip


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError):  # noqa: ARG001, ANN202
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError):  # noqa: ARG001, ANN202
        err = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
        return ApiError(400, f"invalid request: {where}: {err.get('msg', 'invalid')}",
                        param=where or None).response()  # fmt: skip

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException):  # noqa: ARG001, ANN202
        return ApiError(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None)).response()

    @app.exception_handler(RagtuneError)
    async def on_ragtune(request: Request, exc: RagtuneError):  # noqa: ARG001, ANN202
        return user_error(exc).response()

    @app.exception_handler(Exception)
    async def on_error(request: Request, exc: Exception):  # noqa: ARG001, ANN202
        log.exception("internal error on %s", request.url.path)
        return ApiError(500, f"internal error ({type(exc).__name__})", "server_error").response()
