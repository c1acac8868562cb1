"""``deckgen serve``: the web application (Starlette, served by uvicorn on 127.0.0.1).

Routes: ``/`` the departments, ``/d/SLUG`` a department's page, ``/d/SLUG/body`` its slides
(fetched again by the page), ``/images/SLUG/VERSION/N.jpg`` a slide's picture, ``/events``
server-sent events: ``{"slug": ..., "what": "texts" | "images" | "departments"}`` whenever a
department was rebuilt. A watcher (watchfiles) rebuilds what a saved file concerns; LibreOffice
starts in the background and stays running.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response, StreamingResponse
from starlette.routing import Route
from watchfiles import Change, awatch

from deckgen.content.paths import SETTINGS_FILE
from deckgen.office import start_office
from deckgen.serve import page
from deckgen.serve.workspace import Workspace

KEEP_ALIVE = 15.0  # seconds between comments that keep an idle event stream open
_IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~")


class Hub:
    """The open event streams; messages from any thread reach all of them."""

    def __init__(self) -> None:
        self.queues: set[asyncio.Queue[str]] = set()
        self.loop: asyncio.AbstractEventLoop | None = None

    def publish(self, slug: str, what: str) -> None:
        """Tell every page (from any thread) that ``slug`` changed."""
        message = json.dumps({"slug": slug, "what": what})
        if self.loop is None or self.loop.is_closed():
            return
        for queue in list(self.queues):
            self.loop.call_soon_threadsafe(queue.put_nowait, message)

    async def stream(self) -> AsyncIterator[str]:
        """One page's events, as server-sent event lines."""
        queue: asyncio.Queue[str] = asyncio.Queue()
        self.queues.add(queue)
        try:
            yield "retry: 1000\n\n"
            while True:
                try:
                    message = await asyncio.wait_for(queue.get(), KEEP_ALIVE)
                except TimeoutError:
                    yield ": still here\n\n"
                    continue
                yield f"data: {message}\n\n"
        finally:
            self.queues.discard(queue)


def relevant(root: Path, output: Path) -> Callable[[Change, str], bool]:
    """The watch filter: deckgen.yaml, content/ and themes/, not the decks nor editors' files."""

    def wanted(change: Change, name: str) -> bool:
        path = Path(name)
        if path.name.startswith(".") or path.name.endswith(_IGNORED_SUFFIXES):
            return False
        try:
            relative = path.relative_to(root)
        except ValueError:
            return False
        if path.is_relative_to(output) or not relative.parts:
            return False
        return relative == Path(SETTINGS_FILE) or relative.parts[0] in ("content", "themes")

    return wanted


def create_app(root: Path, theme: str | None = None, office: bool = True) -> Starlette:
    """The application for the project at ``root``; ``office=False`` renders no pictures."""
    from deckgen.build.incremental import output_setting

    root = root.resolve()
    hub = Hub()
    workspace = Workspace(root, hub.publish, theme)
    stop = asyncio.Event()

    async def watch() -> None:
        output = (root / (output_setting(root) or ("build", None))[0]).resolve()
        async for changes in awatch(
            root,
            watch_filter=relevant(root, output),
            stop_event=stop,
            step=50,
        ):
            await asyncio.to_thread(workspace.changed, {Path(name) for _, name in changes})

    async def warm_up() -> None:
        if not office:
            workspace.set_office(None, "slide pictures are off")
            return
        found, note = await asyncio.to_thread(start_office)
        await asyncio.to_thread(workspace.set_office, found, note)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        hub.loop = asyncio.get_running_loop()
        tasks = [asyncio.create_task(watch()), asyncio.create_task(warm_up())]
        try:
            yield
        finally:
            stop.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await asyncio.to_thread(workspace.close)

    def office_note() -> str:
        return "" if workspace.office is not None else workspace.office_note

    def index(request: Request) -> Response:
        slugs = workspace.slugs()
        return HTMLResponse(page.page("departments", "", slugs, page.department_list(slugs)))

    def listing(request: Request) -> Response:
        return HTMLResponse(page.department_list(workspace.slugs()))

    def department(request: Request) -> Response:
        slug = request.path_params["slug"]
        view = workspace.view(slug)
        if view is None:
            return HTMLResponse(f"no department '{slug}'", status_code=404)
        body = page.department_body(view, office_note())
        return HTMLResponse(page.page(view.name or slug, slug, workspace.slugs(), body))

    def body(request: Request) -> Response:
        view = workspace.view(request.path_params["slug"])
        if view is None:
            return HTMLResponse("", status_code=404)
        return HTMLResponse(page.department_body(view, office_note()))

    def image(request: Request) -> Response:
        params = request.path_params
        view = workspace.views.get(params["slug"])
        path = workspace.image(params["slug"], params["number"])
        if view is None or path is None or view.images_version != params["version"]:
            return Response(status_code=404)
        return FileResponse(path, headers={"Cache-Control": "max-age=3600"})

    def events(request: Request) -> Response:
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(hub.stream(), media_type="text/event-stream", headers=headers)

    routes = [
        Route("/", index),
        Route("/list", listing),
        Route("/d/{slug}", department),
        Route("/d/{slug}/body", body),
        Route("/images/{slug}/{version:int}/{number:int}.jpg", image),
        Route("/events", events),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.workspace = workspace  # for tests and tools that look inside
    return app


def serve(root: Path, host: str, port: int, theme: str | None = None) -> None:
    """Run the server until interrupted."""
    import uvicorn

    config = uvicorn.Config(
        create_app(root, theme),
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=2,  # open event streams would keep it waiting
    )
    uvicorn.Server(config).run()
