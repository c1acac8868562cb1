"""Build: a department through the pipeline (:mod:`.pipeline`), many decks at once and only
those out of date (:mod:`.run`, :mod:`.incremental`).

Import the submodules directly; this package imports nothing, so that a build with nothing to
do does not load the content models or python-pptx.
"""
