"""The web application: HTML pages, the JSON API under ``/api/v1`` and the
static files, over one store.

Errors are translated here once: ``NotFound`` is 404, ``BadRequest`` (and a
parameter FastAPI cannot read) 400, each as ``{"detail": message}`` under
``/api/`` and as an error page elsewhere.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import api
from ..config import Config
from ..errors import BadRequest, ConfigError, InputError, NewsweaveError, NotFound, StoreError
from . import http_api, pages, render

API = "/api/v1"
STATUS = {NotFound: 404, BadRequest: 400, ConfigError: 400, InputError: 400, StoreError: 503}
# The pages use no inline script or style; the graph's data is JSON, not code.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def create_app(db: str, *, token: str | None = None) -> FastAPI:
    """The application on the store ``db`` (a SQLite file or SQLAlchemy URL).
    Read-only unless ``token`` is given: then ``POST /api/v1/articles``
    ingests an article sent with ``Authorization: Bearer <token>``."""
    store = api.open_store(Config(db=db))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="newsweave",
        summary="Stories, copies, quotations and claims in news "
        "articles, as JSON; every HTML page has its twin here.",
        version="1",
        openapi_url=f"{API}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store, app.state.db = store, db
    app.include_router(http_api.router(token))
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=render.STATIC), name="static")
    _handle_errors(app)
    _secure_headers(app)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return render.page(
        request, "error.html", {"status": status, "detail": message}, api=API, status=status
    )


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(NewsweaveError)
    async def library_error(request: Request, exc: NewsweaveError) -> Response:
        status = next((code for kind, code in STATUS.items() if isinstance(exc, kind)), 500)
        return _error(request, status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def unreadable(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
            for e in exc.errors()
        )
        return _error(request, 400, problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))


def _secure_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def add_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
