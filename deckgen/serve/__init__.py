"""``deckgen serve``: a local page that shows a department's slides as they will look, with
where each text comes from, and follows every save.

:mod:`.workspace` (what is shown, built and rebuilt), :mod:`.page` (the HTML), :mod:`.app`
(Starlette routes, server-sent events, the file watcher). Needs the ``serve`` extra:
starlette, uvicorn, watchfiles and unoserver.
"""
