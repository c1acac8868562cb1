"""The command line: thin wrappers that parse options, call one library function, print.

Exit status: 0 success, 1 content or build error, 2 usage error.
"""

from __future__ import annotations

import functools
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from deckgen import __version__
from deckgen.errors import DeckgenError, display_path, internal_error

EXIT_CODES = """\b
Exit status:
  0  success
  1  content, theme or build error (every error is printed, one line each)
  2  usage error (unknown option, missing argument)

\b
Shell completion (departments and themes), e.g. for bash:
  eval "$(_DECKGEN_COMPLETE=bash_source deckgen)"
"""


class _Group(click.Group):
    """Prints errors as one line each; a traceback only with --debug. ``--project`` and
    ``--debug`` may also follow the subcommand (``deckgen build sales --debug``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _group_options_first(args))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.UsageError):
            raise
        except BrokenPipeError:  # the reader went away (deckgen ... | head): nothing to say
            sys.stderr.close()
            sys.exit(0)
        except DeckgenError:
            if ctx.meta.get("deckgen.debug"):
                traceback.print_exc()
            raise
        except Exception as e:
            if ctx.meta.get("deckgen.debug"):
                raise
            raise DeckgenError(internal_error(e)) from e


_GROUP_FLAGS = ("--debug",)
_GROUP_VALUES = ("--project",)


def _group_options_first(args: list[str]) -> list[str]:
    """``args`` with the group's own options moved before the subcommand, wherever they were
    written (up to a ``--``), so that the error text's advice "run with --debug" works as
    people type it."""
    moved: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg in _GROUP_FLAGS or (arg.split("=", 1)[0] in _GROUP_VALUES and "=" in arg):
            moved.append(arg)
        elif arg in _GROUP_VALUES and index + 1 < len(args):
            moved.extend(args[index : index + 2])
            index += 1
        else:
            rest.append(arg)
        index += 1
    return moved + rest


@click.group(cls=_Group, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="deckgen")
@click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding deckgen.yaml (default: searched upwards from the current folder).",
)
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
@click.pass_context
def cli(ctx: click.Context, project_dir: Path | None, debug: bool) -> None:
    """Build one tailored PowerPoint deck per department from shared YAML content."""
    ctx.meta["deckgen.debug"] = debug
    ctx.obj = project_dir


def _root(ctx: click.Context) -> Path:
    from deckgen.content.paths import find_root

    project_dir: Path | None = ctx.obj
    return find_root(project_dir)


def _complete_departments(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from deckgen.content.paths import department_slugs

    try:
        root = _root(ctx.find_root())
    except DeckgenError:
        return []
    return [slug for slug in department_slugs(root) if slug.startswith(incomplete)]


def _complete_themes(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from deckgen.theme import theme_names

    root = _project_root_or_none(ctx.find_root())
    return [name for name in theme_names(root) if name.startswith(incomplete)]


def _complete_themes_and_files(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[Any]:
    """Theme names, and the files of the folder (a template file is named too)."""
    from click.shell_completion import CompletionItem

    themes = [CompletionItem(name) for name in _complete_themes(ctx, param, incomplete)]
    return [*themes, CompletionItem(incomplete, type="file")]


F = TypeVar("F", bound=Callable[..., Any])


def _output_options(out_help: str) -> Callable[[F], F]:
    """``--out`` (a folder, described by ``out_help``) and ``--allow-outside-output``."""

    def decorate(command: F) -> F:
        command = click.option(
            "--allow-outside-output",
            "allow_outside",
            is_flag=True,
            help="Let --out name a folder outside the project.",
        )(command)
        return click.option(
            "--out", type=click.Path(file_okay=False, path_type=Path), help=out_help
        )(command)

    return decorate


@cli.command()
@click.argument("departments", nargs=-1, shell_complete=_complete_departments)
@click.option("--all", "build_all", is_flag=True, help="Build every department.")
@_output_options("Folder for the decks (default: output: in deckgen.yaml), inside the project.")
@click.option(
    "--theme",
    shell_complete=_complete_themes,
    help="Use this theme instead of the one in deckgen.yaml.",
)
@click.option("--pdf", is_flag=True, help="Also write a PDF of each deck (needs LibreOffice).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Decks built at once, in worker processes (default: the number of cores).",
)
@click.option(
    "--force", is_flag=True, help="Build every deck, also those whose inputs have not changed."
)
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and warnings.")
@click.option(
    "--strict",
    is_flag=True,
    help="Treat warnings (text that does not fit, accessibility findings) as errors: exit 1.",
)
@click.option(
    "--verbose", "-v", is_flag=True, help="Also print a summary table and the theme of each deck."
)
@click.option(
    "--on-edited",
    type=click.Choice(["keep", "stop", "overwrite"]),
    default="keep",
    show_default=True,
    help="A deck changed since deckgen wrote it (by a presenter): keep it as "
    "<slug>.edited-<date>.pptx, stop, or overwrite it.",
)
@click.option(
    "--lang",
    help="Build the decks in this language of deckgen.yaml's translations: (into "
    "<output>/<lang>/), or 'all' for the main language and every translation.",
)
@click.pass_context
def build(
    ctx: click.Context,
    departments: tuple[str, ...],
    build_all: bool,
    out: Path | None,
    allow_outside: bool,
    theme: str | None,
    pdf: bool,
    jobs: int | None,
    force: bool,
    quiet: bool,
    strict: bool,
    verbose: bool,
    on_edited: str,
    lang: str | None,
) -> None:
    """Build the decks of DEPARTMENTS (slugs, e.g. sales) or of --all.

    On a terminal, --all shows a progress bar and a summary table; elsewhere (and with
    --verbose) it prints one line per deck.
    """
    from deckgen.content.paths import department_slugs

    root = _root(ctx)
    if not departments and not build_all:
        slugs = department_slugs(root)
        listing = "\n".join(f"  {slug}" for slug in slugs) or "  (none)"
        raise click.UsageError(f"name a department, or use --all; the departments are:\n{listing}")
    if departments and build_all:
        raise click.UsageError("name departments or use --all, not both")
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose do not go together")
    if pdf:
        from deckgen.commands.pdf import soffice

        soffice()  # say at once when LibreOffice is missing, before any deck is built

    from deckgen.build.edited import OnEdited
    from deckgen.build.options import BuildOptions
    from deckgen.build.run import build as build_decks
    from deckgen.build.run import combined
    from deckgen.content.translation import languages_to_build

    languages = languages_to_build(root, lang)

    wanted = None if build_all else list(departments)
    show_bar = build_all and not quiet and not verbose and sys.stderr.isatty()
    bar: Any = None

    def report(deck: Any) -> None:
        if bar is not None:
            bar.update(1, deck.slug)
        elif not quiet:
            click.echo(f"{display_path(deck.path)} ({deck.slides} slides)")

    debug = bool(ctx.meta.get("deckgen.debug"))
    options = BuildOptions(out=out, theme=theme, allow_outside=allow_outside, debug=debug)
    one = functools.partial(
        build_decks,
        root,
        wanted,
        options,
        force=force,
        pdf=pdf,
        jobs=jobs,
        on_deck=report,
        on_edited=cast("OnEdited", on_edited),
    )

    def run() -> Any:
        return combined([(language, one(language=language)) for language in languages])

    if show_bar:
        total = len(department_slugs(root)) if build_all else len(departments)
        with click.progressbar(
            length=total * len(languages), label="Building decks", file=sys.stderr
        ) as bar:
            result = run()
    else:
        result = run()
    for kept in sorted(result.kept.values()):
        deck = kept.with_name(kept.name.split(".edited-")[0] + ".pptx")
        click.echo(
            f"{display_path(deck)} was changed since deckgen wrote it; "
            f"kept as {display_path(kept)} (deckgen pull {display_path(kept)} brings its text "
            "changes into the content)",
            err=True,
        )
    if not quiet:
        for path in result.pdfs.values():
            click.echo(display_path(path))
        if result.up_to_date:
            again = "" if result.decks or result.failed else "; --force builds them again"
            click.echo(f"{len(result.up_to_date)} deck(s) up to date{again}")
    if show_bar or verbose:
        for line in _summary(result.decks, result.failed):
            click.echo(line)
    if result.failed:
        _report_warnings(result.warnings, False)
        for line in result.failure_messages:
            click.echo(line, err=True)
        built = len(result.decks) + len(result.up_to_date)
        failed = sorted(result.failed)
        click.echo(
            f"{len(failed)} of {built + len(failed)} decks failed: {', '.join(failed)}", err=True
        )
        sys.exit(1)
    _report_warnings(result.warnings, strict)


def _report_warnings(messages: list[str], strict: bool) -> None:
    """Print warnings; with --strict they are errors and the build fails."""
    for message in messages:
        click.echo(f"{'error' if strict else 'warning'}: {message}", err=True)
    if strict and messages:
        click.echo(f"{len(messages)} warning(s), and --strict makes them errors", err=True)
        sys.exit(1)


def _summary(built: list[Any], failed: dict[str, Any]) -> list[str]:
    """The summary table: department, slides, warnings, file."""
    rows = [(d.slug, str(d.slides), str(len(d.warnings)), display_path(d.path)) for d in built]
    rows += [(slug, "-", "-", "failed") for slug in sorted(failed)]
    header = ("department", "slides", "warnings", "file")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]


@cli.command(name="check")
@click.argument("departments", nargs=-1, shell_complete=_complete_departments)
@click.option("--all", "check_all", is_flag=True, help="Check every department's deck.")
@click.option("--theme", shell_complete=_complete_themes, help="Check the decks on this theme.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when anything is found.")
@click.option("--lang", help="Check the decks of this translation, or 'all' languages.")
@click.pass_context
def check_command(
    ctx: click.Context,
    departments: tuple[str, ...],
    check_all: bool,
    theme: str | None,
    strict: bool,
    lang: str | None,
) -> None:
    """Check the decks of DEPARTMENTS (or --all) for readers and screen-reader users: titles,
    alternative texts, decorative shapes, table headers, reading order, contrast, text size,
    languages. Nothing is written."""
    from deckgen.commands.check import check_decks
    from deckgen.errors import ContentError

    if not departments and not check_all:
        raise click.UsageError("name a department, or use --all")
    if departments and check_all:
        raise click.UsageError("name departments or use --all, not both")
    from deckgen.content.translation import languages_to_build

    root = _root(ctx)
    count = decks = 0
    errors = []
    for language in languages_to_build(root, lang):
        report = check_decks(root, None if check_all else list(departments), theme, language)
        suffix = f" ({language})" if language else ""
        for slug, found in report.findings.items():
            for finding in found:
                click.echo(finding.message)
            click.echo(f"{slug}{suffix}: {_findings(len(found))}")
        count, decks = count + report.count, decks + len(report.findings)
        errors.extend(report.errors)
    if decks > 1:
        click.echo(f"{_findings(count)} in {decks} decks")
    if errors:
        raise ContentError(errors)
    if strict and count:
        sys.exit(1)


def _findings(count: int) -> str:
    return "no findings" if count == 0 else f"{count} finding{'s' if count > 1 else ''}"


@cli.command(name="list")
@click.pass_context
def list_departments(ctx: click.Context) -> None:
    """List the departments: slug, name and number of slides."""
    from deckgen.commands.validate import check_project
    from deckgen.errors import ContentError

    checked = check_project(_root(ctx))
    rows = [
        (slug, name, "error" if count is None else str(count))
        for slug, (name, count) in sorted(checked.departments.items())
    ]
    width = max((len(r[0]) for r in rows), default=4)
    name_width = max((len(r[1]) for r in rows), default=4)
    click.echo(f"{'slug':<{width}}  {'name':<{name_width}}  slides")
    for slug, name, count in rows:
        click.echo(f"{slug:<{width}}  {name:<{name_width}}  {count}")
    if checked.errors:
        raise ContentError(checked.errors)


@cli.command()
@click.pass_context
def validate(ctx: click.Context) -> None:
    """Check all content (and each department's theme); exit 1 on any error."""
    from deckgen.commands.validate import check_project
    from deckgen.errors import ContentError

    checked = check_project(_root(ctx))
    if checked.errors:
        raise ContentError(checked.errors)
    click.echo(f"all content is valid ({len(checked.departments)} departments)")


@cli.command(name="notes")
@click.argument("department", shell_complete=_complete_departments)
@_output_options("Folder for the talk track (default: next to the deck, output: in deckgen.yaml).")
@click.pass_context
def notes_command(
    ctx: click.Context, department: str, out: Path | None, allow_outside: bool
) -> None:
    """Write the talk track of DEPARTMENT: slide titles and speaker notes, as Markdown."""
    from deckgen.build.options import BuildOptions
    from deckgen.build.pipeline import output_folder, paginate_department
    from deckgen.commands.notes import talk_track
    from deckgen.content.project import load_project_strict
    from deckgen.talk import talk_minutes
    from deckgen.write import locked, write_atomic

    project = load_project_strict(_root(ctx), [department])
    outline = paginate_department(project, department)[0].outline
    name = project.departments[department].department.name
    folder = output_folder(project, BuildOptions(out=out, allow_outside=allow_outside))
    path = folder / f"{department}-notes.md"
    wpm = project.settings.words_per_minute
    settings = project.settings
    text = talk_track(outline, name, settings.locale, wpm, settings.words.model_dump())
    with locked(folder):
        write_atomic(path, text.encode("utf-8"))
    minutes = talk_minutes(outline, wpm)
    click.echo(f"{display_path(path)} ({len(outline.slides)} slides, about {minutes:.0f} min)")


@cli.command(name="diff")
@click.argument("decks", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--git",
    "revision",
    metavar="REV",
    help="Compare every department at git revision REV with the working tree.",
)
@click.option(
    "--html",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write a page with before/after images of the changed slides to this folder.",
)
@click.option(
    "--format",
    "form",
    type=click.Choice(["text", "markdown"]),
    default="text",
    help="markdown: for a pull request (a CI job summary or comment).",
)
@click.option("--exit-code", is_flag=True, help="Exit with status 1 when anything differs.")
@click.option("--theme", shell_complete=_complete_themes, help="Compare on this theme.")
@click.pass_context
def diff_command(
    ctx: click.Context,
    decks: tuple[Path, ...],
    revision: str | None,
    html: Path | None,
    form: str,
    exit_code: bool,
    theme: str | None,
) -> None:
    """Show what changed for the audience: from deck OLD to deck NEW (two .pptx files), or
    for every department from git revision --git REV to the working tree.

    Slides are matched by where their content comes from: an inserted slide is one added
    slide, a slide that only moved is no difference, changed texts show their changed words.
    """
    from deckgen.commands.diff import diff_revision, diff_two_files, report_lines

    if revision is not None:
        if decks:
            raise click.UsageError("give two decks or --git REV, not both")
        review = diff_revision(_root(ctx), revision, theme, html)
    elif len(decks) == 2:
        review = diff_two_files(decks[0], decks[1], html)
    else:
        raise click.UsageError("give two decks (OLD.pptx NEW.pptx) or --git REV")
    for line in report_lines(review, "markdown" if form == "markdown" else "text"):
        click.echo(line)
    if exit_code and review.differs:
        sys.exit(1)


@cli.command(name="pull")
@click.argument("deck", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--department",
    shell_complete=_complete_departments,
    help="The department the deck is of (default: from its file name, sales.edited-....pptx).",
)
@click.option("--theme", shell_complete=_complete_themes, help="The deck was built on this theme.")
@click.option("--yes", "-y", is_flag=True, help="Write the changes without asking.")
@click.option("--dry-run", is_flag=True, help="Show the changes; write nothing.")
@click.pass_context
def pull_command(
    ctx: click.Context,
    deck: Path,
    department: str | None,
    theme: str | None,
    yes: bool,
    dry_run: bool,
) -> None:
    """Bring the texts a presenter changed in DECK back into the YAML content.

    Each changed text is traced to the one place in the content it came from (the file:line
    `deckgen explain` shows) and changed there, keeping comments and layout. What cannot be
    traced (a new slide, a new or moved shape, a built-in word, a Jinja expression) is listed.
    """
    from deckgen.review.pull import find_changes, summary, write

    if yes and dry_run:
        raise click.UsageError("--yes and --dry-run do not go together")
    result = find_changes(_root(ctx), deck, department, theme)
    for line in summary(result):
        click.echo(line)
    if not result.files:
        click.echo("nothing to write: no text of the deck traces to the content")
        return
    for found in result.files:
        for line in found.diff():
            click.echo(line)
    if dry_run or not (yes or click.confirm("Write these changes?", default=False)):
        click.echo("nothing written")
        return
    for path in write(result):
        click.echo(f"wrote {display_path(path)}")


@cli.command(name="init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--install",
    metavar="REQUIREMENT",
    help="What the CI files install: a pinned version or URL, e.g. "
    "'git+https://host/deckgen.git@v0.1.0' (default: this version of deckgen-departments).",
)
@click.option(
    "--locale",
    default="de",
    show_default=True,
    help="Language and region of the decks, e.g. de, de-AT, en, en-US, fr; the starter texts "
    "are German for German, else English.",
)
def init_command(folder: Path, install: str | None, locale: str) -> None:
    """Make a new content repo in FOLDER that `deckgen build --all` builds as it is, with
    CI for GitHub and GitLab and a pre-commit hook."""
    from deckgen.commands.starter import init_project

    for path in init_project(folder, install, locale):
        click.echo(display_path(path))


@cli.command(name="new")
@click.argument("slug")
@click.option("--name", required=True, help='The department\'s name, e.g. "Logistik".')
@click.pass_context
def new_command(ctx: click.Context, slug: str, name: str) -> None:
    """Add a department file for SLUG, with every section and a comment on each key."""
    from deckgen.commands.starter import new_department

    click.echo(display_path(new_department(_root(ctx), slug, name)))


@cli.command(name="explain")
@click.argument("department", shell_complete=_complete_departments)
@click.argument("slide", type=int, required=False)
@click.option(
    "--theme", shell_complete=_complete_themes, help="Explain the layouts of this theme instead."
)
@click.pass_context
def explain_command(
    ctx: click.Context, department: str, slide: int | None, theme: str | None
) -> None:
    """Show, slide by slide, the kind, the layout and where each text of DEPARTMENT came from."""
    from deckgen.build.pipeline import paginate_department
    from deckgen.commands.explain import explain
    from deckgen.content.project import load_project_strict

    project = load_project_strict(_root(ctx), [department])
    deck, _ = paginate_department(project, department, theme)
    for line in explain(deck, slide):
        click.echo(line)


@cli.command(name="preview")
@click.argument("department", shell_complete=_complete_departments)
@click.option("--theme", shell_complete=_complete_themes, help="Preview with this theme.")
@click.pass_context
def preview_command(ctx: click.Context, department: str, theme: str | None) -> None:
    """Build DEPARTMENT's deck and render it through LibreOffice into build/preview/<slug>/:
    a PDF, one PNG per slide and contact-sheet.png."""
    from deckgen.build.options import BuildOptions
    from deckgen.build.pipeline import build_deck, output_folder
    from deckgen.commands.pdf import soffice
    from deckgen.commands.preview import preview
    from deckgen.content.project import load_project_strict
    from deckgen.write import locked

    soffice()  # say how to install LibreOffice before doing anything else
    project = load_project_strict(_root(ctx), [department])
    output = output_folder(project, BuildOptions())
    folder = output / "preview" / department
    with tempfile.TemporaryDirectory(prefix="deckgen-preview-") as scratch:
        # built aside: the deck in the output folder may carry a presenter's edits
        aside = BuildOptions(out=Path(scratch), theme=theme, allow_outside=True)
        deck = build_deck(project, department, aside)
        with locked(output):
            slides = preview(deck.path, folder)
    click.echo(f"{display_path(folder / 'contact-sheet.png')} ({len(slides)} slides)")


@cli.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--theme", shell_complete=_complete_themes, help="Show the decks on this theme.")
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, theme: str | None) -> None:
    """A local web page with each department's slides as LibreOffice renders them, the texts
    with the file:line each comes from, notes, warnings and errors; it follows every save."""
    from deckgen.errors import DeckgenError as Missing

    root = _root(ctx)
    try:
        from deckgen.serve.app import serve
    except ImportError as e:
        raise Missing(
            f"deckgen serve needs {e.name}: pip install 'deckgen-departments[serve]'"
        ) from e
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"deckgen serve: http://{shown}:{port}/ (Ctrl+C stops it)")
    serve(root, host, port, theme)


@cli.command(name="coverage")
@click.option("--strict", is_flag=True, help="Exit with status 1 when a department has gaps.")
@click.pass_context
def coverage_command(ctx: click.Context, strict: bool) -> None:
    """Count what each department says per section, and name the gaps."""
    from deckgen.commands.coverage import coverage, table

    rows = coverage(_root(ctx))
    for line in table(rows):
        click.echo(line)
    gaps = [f"{row.slug}: {gap}" for row in rows for gap in row.gaps]
    if gaps:
        click.echo("")
        for gap in gaps:
            click.echo(gap)
        for line in [line for row in rows for line in row.untranslated]:
            click.echo(f"  {line}")
    if strict and gaps:
        sys.exit(1)


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the schemas (default: schemas/ next to deckgen.yaml).",
)
@click.pass_context
def schema(ctx: click.Context, out: Path | None) -> None:
    """Write JSON Schemas of deckgen.yaml, shared.yaml, department files and theme.yaml.

    Editors with the YAML language server use them for completion and help on every key,
    through the line `# yaml-language-server: $schema=...` at the top of each file.
    """
    from deckgen.commands.schema import write_schemas
    from deckgen.write import project_folder

    root = _project_root_or_none(ctx) or Path.cwd()
    folder = out or project_folder(root / "schemas", root)
    for path in write_schemas(folder):
        click.echo(display_path(path))


@cli.group()
def theme() -> None:
    """List, inspect and import themes."""


@theme.command(name="list")
@click.pass_context
def theme_list(ctx: click.Context) -> None:
    """List the themes this project can use: name, where it is, description."""
    from deckgen.theme import BUILTIN_THEMES, load_theme, theme_names

    root = _project_root_or_none(ctx)
    rows = []
    for name in theme_names(root):
        found = load_theme(name, root)
        where = "built-in" if found.folder.parent == BUILTIN_THEMES else "project"
        rows.append((name, where, found.manifest.description))
    width = max(len(r[0]) for r in rows)
    for name, where, description in rows:
        click.echo(f"{name:<{width}}  {where:<8}  {description}")


@theme.command(name="inspect")
@click.argument("template", shell_complete=_complete_themes_and_files)
@click.pass_context
def theme_inspect(ctx: click.Context, template: str) -> None:
    """Show every layout of TEMPLATE (a .pptx/.potx file or a theme name) and its placeholders."""
    from deckgen.render.package import emu_to_cm, layouts_of, read_template
    from deckgen.theme import load_theme

    path = Path(template)
    if not path.is_file():
        path = load_theme(template, _project_root_or_none(ctx)).template
    presentation = read_template(path)
    layouts = layouts_of(presentation)
    masters = len(presentation.slide_masters)
    click.echo(f"{display_path(path)}: {len(layouts)} layouts, {masters} master(s)")
    for layout in layouts:
        click.echo(f"layout {layout.name!r} (master {layout.master + 1})")
        for p in layout.placeholders:
            covered = f", {p.covered:.0%} under the template's graphics" if p.covered > 0.02 else ""
            click.echo(
                f"  idx {p.idx:<4} {p.type:<13} {p.name!r:<28} at {emu_to_cm(p.left)},"
                f"{emu_to_cm(p.top)} cm, {emu_to_cm(p.width)} x {emu_to_cm(p.height)} cm{covered}"
            )


@theme.command(name="import")
@click.argument("template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", required=True, help="Name of the new theme (a folder in themes/).")
@click.option("--force", is_flag=True, help="Replace a theme of that name.")
@click.option(
    "--check/--no-check",
    default=True,
    help="Build one department on the new theme (and render it, with LibreOffice).",
)
@click.pass_context
def theme_import(ctx: click.Context, template: Path, name: str, force: bool, check: bool) -> None:
    """Make a theme from an organisation's own TEMPLATE (.pptx or .potx)."""
    from deckgen.theme.importer import import_theme, report_lines

    project = _project_root_or_none(ctx)
    root = project or Path.cwd()
    report = import_theme(
        template, name, root / "themes", force=force, project_root=project, check=check
    )
    for line in report_lines(report):
        click.echo(line)


@theme.command(name="map")
@click.argument("template", shell_complete=_complete_themes)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the map (default: theme-map-<name>.pptx in the output folder).",
)
@click.pass_context
def theme_map(ctx: click.Context, template: str, out: Path | None) -> None:
    """Write a deck that shows every layout of TEMPLATE (a theme name or a .pptx/.potx file):
    each placeholder with its idx, type and name, and the slide kinds that use the layout."""
    from deckgen.commands.theme_map import write_map
    from deckgen.theme import load_theme
    from deckgen.write import project_folder

    root = _project_root_or_none(ctx)
    path = Path(template)
    found = None
    if not path.is_file():
        found = load_theme(template, root)
        path = found.template
    folder = project_folder(root / "build", root) if root is not None else Path.cwd()
    target = out or folder / f"theme-map-{Path(template).stem}.pptx"
    click.echo(display_path(write_map(path, found, target)))


def _project_root_or_none(ctx: click.Context) -> Path | None:
    from deckgen.errors import ProjectNotFound

    try:
        return _root(ctx)
    except ProjectNotFound:
        return None


def main() -> None:
    """Entry point of the ``deckgen`` command."""
    cli(prog_name="deckgen")
