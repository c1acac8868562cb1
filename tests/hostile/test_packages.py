"""Hostile templates, made by a script from the modern theme's template: macros, links out of the
file, embedded objects, huge parts, DTDs (external entities, entity bombs), broken XML and
names that would break theme.yaml. Imported or put into themes/ by hand, no deck carries any of
it, every deck passes the OOXML validator, and what is refused is refused in one line."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from openxml_audit import validate_pptx

from deckgen.render import package
from tests.hostile.harness import (
    MODERN,
    SECRET,
    Site,
    both,
    corp_theme,
    deck_members,
    member,
    repack,
    run,
)

LAYOUT = "ppt/slideLayouts/slideLayout1.xml"
LAYOUT_RELS = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
TYPES = "[Content_Types].xml"
PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
MACRO_TYPES = {
    "pptm": "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "potm": "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
}
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def modern() -> bytes:
    return (MODERN / "template.pptx").read_bytes()


def add_rels(data: bytes, name: str, rels: str) -> bytes:
    text = member(data, name).decode().replace("</Relationships>", rels + "</Relationships>")
    return repack(data, {name: text.encode()})


def add_shapes(data: bytes, shapes: str) -> bytes:
    text = member(data, LAYOUT).decode().replace("</p:spTree>", shapes + "</p:spTree>")
    return repack(data, {LAYOUT: text.encode()})


def add_type(data: bytes, entry: str) -> bytes:
    text = member(data, TYPES).decode().replace("</Types>", entry + "</Types>")
    return repack(data, {TYPES: text.encode()})


def with_macros(kind: str) -> bytes:
    """The template as a .pptm or .potm: a VBA project and the macro-enabled main type."""
    data = modern()
    types = member(data, TYPES).decode().replace(f"{PRESENTATION_TYPE}.main+xml", MACRO_TYPES[kind])
    data = repack(data, {TYPES: types.encode(), "ppt/vbaProject.bin": f"VBA {SECRET}".encode()})
    data = add_type(
        data, '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    )
    return add_rels(
        data,
        "ppt/_rels/presentation.xml.rels",
        '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/>',
    )


LINKED_SHAPES = (
    '<p:sp><p:nvSpPr><p:cNvPr id="90" name="Link"><a:hlinkClick r:id="rId90"/></p:cNvPr>'
    '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="100" cy="100"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
    '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="de-DE"><a:hlinkClick r:id="rId91"/>'
    "</a:rPr><a:t>Link</a:t></a:r></a:p></p:txBody></p:sp>"
    '<p:pic><p:nvPicPr><p:cNvPr id="92" name="Linked picture"/><p:cNvPicPr/>'
    '<p:nvPr userDrawn="1"/></p:nvPicPr><p:blipFill><a:blip r:link="rId92"/><a:stretch>'
    '<a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="100" cy="100"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    "</p:spPr></p:pic>"
)
EXTERNAL = (
    f'<Relationship Id="rId90" Type="{R}/hyperlink" Target="http://evil.example/track" '
    'TargetMode="External"/>'
    f'<Relationship Id="rId91" Type="{R}/hyperlink" Target="file:///etc/passwd" '
    'TargetMode="External"/>'
    f'<Relationship Id="rId92" Type="{R}/image" Target="file://///evil-server/share/x.png" '
    'TargetMode="External"/>'
)


def with_links() -> bytes:
    """A layout with a linked shape, a linked text and a picture from a file share."""
    return add_rels(add_shapes(modern(), LINKED_SHAPES), LAYOUT_RELS, EXTERNAL)


OLE_SHAPE = (
    '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="93" name="Object"/><p:cNvGraphicFramePr/>'
    '<p:nvPr userDrawn="1"/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="100" cy="100"/></p:xfrm><a:graphic><a:graphicData '
    'uri="http://schemas.openxmlformats.org/presentationml/2006/ole"><p:oleObj name="Sheet" '
    'r:id="rId93" imgW="100" imgH="100" progId="Package"><p:embed/></p:oleObj></a:graphicData>'
    "</a:graphic></p:graphicFrame>"
)


def with_object() -> bytes:
    """A layout with an embedded object."""
    data = add_shapes(modern(), OLE_SHAPE)
    data = repack(data, {"ppt/embeddings/oleObject1.bin": f"OLE {SECRET}".encode()})
    data = add_type(
        data,
        '<Default Extension="bin" '
        'ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>',
    )
    return add_rels(
        data,
        LAYOUT_RELS,
        f'<Relationship Id="rId93" Type="{R}/oleObject" Target="../embeddings/oleObject1.bin"/>',
    )


def everything() -> bytes:
    """Macros, links and an embedded object in one template."""
    data = with_macros("potm")
    data = add_rels(add_shapes(data, LINKED_SHAPES + OLE_SHAPE), LAYOUT_RELS, EXTERNAL)
    data = repack(data, {"ppt/embeddings/oleObject1.bin": f"OLE {SECRET}".encode()})
    return add_rels(
        data,
        LAYOUT_RELS,
        f'<Relationship Id="rId93" Type="{R}/oleObject" Target="../embeddings/oleObject1.bin"/>',
    )


def with_prolog(prolog: str, encoding: str = "utf-8") -> bytes:
    """The template whose first layout starts with ``prolog`` (a DTD) and uses its entity."""
    xml = member(modern(), LAYOUT).decode()
    body = xml.split("?>", 1)[1].replace('name=""', 'name="&e;"', 1)
    text = f'<?xml version="1.0" encoding="{encoding}"?>\n{prolog}{body}'
    return repack(modern(), {LAYOUT: text.encode(encoding)})


def audit(deck: Path) -> list[str]:
    result = validate_pptx(str(deck))
    return [f"{e.part_uri}: {e.description}" for e in result.errors] if result.error_count else []


def assert_clean_decks(folder: Path) -> None:
    """Every deck in ``folder``: no macros, no link out of the file, no embedded object, no
    secret, and valid."""
    decks = sorted(folder.glob("*.pptx"))
    assert decks
    for deck in decks:
        with zipfile.ZipFile(deck) as archive:
            names = archive.namelist()
            assert not [n for n in names if "vbaProject" in n or "embeddings/oleObject" in n]
            types = archive.read(TYPES).decode()
            assert "macroEnabled" not in types and f"{PRESENTATION_TYPE}.main+xml" in types
            for name in names:
                if name.endswith(".rels"):
                    assert 'TargetMode="External"' not in archive.read(name).decode(), name
        assert audit(deck) == []
    assert not any(SECRET.encode() in data for data in deck_members(folder))


def import_theme(site: Site, template: bytes, suffix: str = "pptx") -> list[str]:
    source = site.outside / f"corp.{suffix}"
    source.write_bytes(template)
    result = run(site, "theme", "import", str(source), "--name", "corp", "--no-check")
    assert result.exit_code == 0, result.output
    settings = site.root / "deckgen.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "theme: corp\n", encoding="utf-8")
    return result.stdout.splitlines()


@pytest.mark.parametrize("kind", ["pptm", "potm"])
def test_macro_template_is_imported_without_its_macros(site: Site, kind: str) -> None:
    lines = import_theme(site, with_macros(kind), kind)
    assert (
        "the template carried macros (a VBA project): imported without them, as a plain "
        "presentation template"
    ) in lines
    with zipfile.ZipFile(site.root / "themes" / "corp" / "template.pptx") as imported:
        assert "ppt/vbaProject.bin" not in imported.namelist()
        assert "macroEnabled" not in imported.read(TYPES).decode()
    assert both(site).lines == []
    assert_clean_decks(site.root / "build")


def test_links_and_objects_are_left_out_on_import(site: Site) -> None:
    lines = import_theme(site, everything())
    assert "removed 3 link(s) to places outside the file (web addresses, file shares)" in lines
    assert "removed 1 embedded object(s) or control(s)" in lines
    assert both(site).lines == []
    assert_clean_decks(site.root / "build")


@pytest.mark.parametrize(
    "template", [lambda: with_macros("pptm"), with_links, with_object, everything]
)
def test_template_put_into_themes_by_hand_is_cleaned_for_every_deck(
    site: Site, template: Callable[[], bytes]
) -> None:
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n", template())
    assert both(site).lines == []
    assert_clean_decks(site.root / "build")


def test_the_picture_in_a_layout_stays_when_its_link_goes(site: Site) -> None:
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n", with_links())
    assert both(site).lines == []
    with zipfile.ZipFile(site.root / "build" / "sales.pptx") as deck:
        layout = next(
            deck.read(n).decode()
            for n in deck.namelist()
            if n.startswith("ppt/slideLayouts/slideLayout") and n.endswith(".xml")
            and 'name="Linked picture"' in deck.read(n).decode()
        )  # fmt: skip
    assert "<a:blip/>" in layout and "hlinkClick" not in layout


TEMPLATE = "themes/corp/theme.yaml:2:11: template: 'corp.pptx': not a presentation deckgen can open"
DTD = f"{TEMPLATE}: '{LAYOUT}' declares a DTD (<!DOCTYPE>), which no presentation has"
XXE = '<!DOCTYPE p:sldLayout [<!ENTITY e SYSTEM "file://{secret}">]>\n'
LAUGHS = (
    '<!DOCTYPE p:sldLayout [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>\n'
)


@pytest.mark.parametrize(
    ("make", "shown"),
    [
        (lambda site: with_prolog(XXE.format(secret=site.outside / "secret.txt")), DTD),
        (lambda site: with_prolog(LAUGHS), DTD),
        (  # a DTD the byte search cannot see: the parser's own report of it counts
            lambda site: with_prolog("<!-- " + "x" * 5000 + " -->\n" + LAUGHS),
            DTD,
        ),
        (lambda site: with_prolog(LAUGHS, "utf-16"), DTD),
        (
            lambda site: repack(modern(), {LAYOUT: member(modern(), LAYOUT)[:500]}),
            f"{TEMPLATE}: '{LAYOUT}' is not well-formed XML (line 2)",
        ),
    ],
)
def test_unsafe_xml_is_refused_in_one_line(
    site: Site, make: Callable[[Site], bytes], shown: str
) -> None:
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n", make(site))
    assert both(site).lines == [shown]


def test_unsafe_xml_is_refused_on_import(site: Site) -> None:
    source = site.outside / "corp.pptx"
    source.write_bytes(with_prolog(XXE.format(secret=site.outside / "secret.txt")))
    result = run(site, "theme", "import", str(source), "--name", "corp")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{source}: not a presentation deckgen can open: '{LAYOUT}' declares a DTD "
        "(<!DOCTYPE>), which no presentation has"
    ]
    assert not (site.root / "themes" / "corp").exists()


def encrypted(data: bytes) -> bytes:
    """The package with every member marked as encrypted, as a zip with a password marks it."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local, central
        for found in re.finditer(re.escape(signature), data):
            patched[found.start() + offset] |= 0x1
    return bytes(patched)


def test_zip_encryption_is_refused(site: Site) -> None:
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n", encrypted(modern()))
    assert both(site).lines == [
        "themes/corp/theme.yaml:2:11: template: 'corp.pptx': the file is encrypted "
        "(password-protected) or in the old .ppt format; save it as .pptx without a password"
    ]


def test_a_part_above_the_limit_is_refused(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_PART_BYTES", 1_000_000)
    template = repack(modern(), {"ppt/media/huge.png": b"\0" * 2_500_000})
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n", template)
    assert both(site).lines == [
        f"{TEMPLATE}: 'ppt/media/huge.png' unpacks to 2 MB, more than 1 MB for one part"
    ]


def test_too_many_parts(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_PARTS", 20)
    corp_theme(site, "extends: modern\ntemplate: corp.pptx\n", modern())
    assert both(site).lines == [f"{TEMPLATE}: more than 20 parts"]


NAMES = {
    "Title": 'Title "quoted"\nname: evil',
    "Bullets": "Bullets: # not a comment",
    "Section": "Section\u2028line two\x85three",
    "Image": "Image\tend ' \\",
}


def with_names() -> bytes:
    """Layout names with quotes, line breaks, colons and hashes; font names that try to add
    keys to theme.yaml."""
    data = modern()
    changes = {}
    for name in (n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "slideLayout" in n):
        if name.endswith(".xml"):
            xml = member(data, name).decode()
            for old, new in NAMES.items():
                escaped = new.replace("&", "&amp;").replace('"', "&quot;").replace("\n", "&#10;")
                escaped = escaped.replace("\t", "&#9;")
                xml = xml.replace(f'<p:cSld name="{old}">', f'<p:cSld name="{escaped}">')
            changes[name] = xml.encode()
    theme = member(data, "ppt/theme/theme1.xml").decode()
    theme = theme.replace('typeface="Calibri"', 'typeface="Calibri&#10;kinds: {}&#10;#"', 1)
    changes["ppt/theme/theme1.xml"] = theme.encode()
    return repack(data, changes)


def test_names_from_a_template_are_quoted_safely(site: Site) -> None:
    import_theme(site, with_names())
    text = (site.root / "themes" / "corp" / "theme.yaml").read_text(encoding="utf-8")
    manifest = yaml.safe_load(text)
    assert set(manifest) == {"name", "description", "template", "kinds"}
    layouts = {kind["layout"] for kind in manifest["kinds"].values()}
    assert set(NAMES.values()) <= layouts
    assert not re.search(r"^kinds: \{\}", text, re.MULTILINE)
    assert both(site).lines == []
    assert_clean_decks(site.root / "build")


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "templates"


@pytest.mark.parametrize("template", sorted(p.name for p in FIXTURES.glob("*.potx")))
def test_decks_on_imported_real_templates_are_valid(site: Site, template: str) -> None:
    import_theme(site, (FIXTURES / template).read_bytes(), "potx")
    assert both(site).lines == []
    assert_clean_decks(site.root / "build")
