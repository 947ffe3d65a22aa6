"""The chat widget: the script itself, a demo host page at ``/`` and the embed guide."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.templating import Jinja2Templates

WEB = Path(__file__).resolve().parent.parent / "web"
router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(WEB / "templates"))


@router.get("/widget.js")
def widget_js() -> FileResponse:
    return FileResponse(
        WEB / "static" / "widget.js",
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300"},
    )


@router.get("/", response_class=HTMLResponse)
def demo_page(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "demo.html", {"base": str(request.base_url)})


@router.get("/embed", response_class=HTMLResponse)
def embed_page(request: Request) -> HTMLResponse:
    base = str(request.base_url).rstrip("/")
    return templates.TemplateResponse(request, "embed.html", {"base": base})


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)
