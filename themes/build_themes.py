"""Build the built-in themes: ``themes/<name>/template.pptx`` and ``theme.yaml``.

Run with ``make themes``. The template is written part by part as OOXML, so that every colour,
font, layout and placeholder is in this file for review; the output is byte-for-byte the same on
every run. A design is a handful of choices (colours, fonts, which backgrounds are dark, how the
accent shapes look); the layouts and the theme mapping are shared by every built-in theme.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
EMU = 914400  # per inch
SLIDE_W, SLIDE_H = 12192000, 6858000  # 16:9, 13.333 x 7.5 in

NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.presentationml"


def inch(value: float) -> int:
    return round(value * EMU)


@dataclass(frozen=True)
class Design:
    """What makes one theme look like itself."""

    name: str
    description: str
    colors: dict[str, str]  # dk1 lt1 dk2 lt2 accent1..6 hlink folHlink
    major_font: str
    minor_font: str
    title_case_bold: bool = True
    # backgrounds and the text on them, by layout family: scheme colour names
    opening_bg: str = "tx2"  # title and closing slides
    opening_text: str = "bg1"
    opening_subtext: str = "bg2"
    section_bg: str = "accent1"
    section_text: str = "bg1"
    content_bg: str = "bg1"
    quote_bg: str = "bg2"
    panel: str = "tx2"  # the agenda's side panel
    panel_text: str = "bg1"
    accent_style: str = "underline"  # under each title: underline | rule | band (left edge)
    decor: str = "circles"  # on opening slides: circles | bands
    dark: bool = False  # map background to the dark colours (dk1/dk2) and text to the light


MODERN = Design(
    name="modern",
    description="Modern default: white pages, navy and teal, a short teal rule under each title.",
    colors={
        "dk1": "1F2933",
        "lt1": "FFFFFF",
        "dk2": "0B3954",
        "lt2": "EEF3F6",
        "accent1": "0B7A75",
        "accent2": "F28C28",
        "accent3": "3C6E9F",
        "accent4": "8E5572",
        "accent5": "7A9E7E",
        "accent6": "E0B83A",
        "hlink": "0B7A75",
        "folHlink": "8E5572",
    },
    major_font="Calibri",
    minor_font="Calibri",
)

AGENCY = Design(
    name="agency",
    description="Sober, for a public agency: white pages, dark blue bands, Arial, thin rules.",
    colors={
        "dk1": "222222",
        "lt1": "FFFFFF",
        "dk2": "10325C",
        "lt2": "EDF0F4",
        "accent1": "1F5FA0",
        "accent2": "B4232A",
        "accent3": "5E7186",
        "accent4": "2F7D4F",
        "accent5": "A0762B",
        "accent6": "6A4C93",
        "hlink": "1F5FA0",
        "folHlink": "6A4C93",
    },
    major_font="Arial",
    minor_font="Arial",
    opening_bg="bg1",
    opening_text="tx2",
    opening_subtext="tx1",
    section_bg="tx2",
    section_text="bg1",
    quote_bg="bg1",
    panel="bg2",
    panel_text="tx2",
    accent_style="rule",
    decor="bands",
)

DARK = Design(
    name="dark",
    description="Dark: charcoal pages, light text, mint and amber accents, Cambria headings.",
    colors={
        "dk1": "16191F",
        "lt1": "E8ECF1",
        "dk2": "242A33",
        "lt2": "FFFFFF",
        "accent1": "3CCFB4",
        "accent2": "F5A742",
        "accent3": "7AB8F5",
        "accent4": "E27AA5",
        "accent5": "A3D977",
        "accent6": "C9A7F5",
        "hlink": "3CCFB4",
        "folHlink": "C9A7F5",
    },
    major_font="Cambria",
    minor_font="Calibri",
    dark=True,
    opening_bg="bg1",
    opening_text="tx2",
    opening_subtext="tx1",
    section_bg="bg2",
    section_text="tx2",
    quote_bg="bg2",
    panel="bg2",
    panel_text="tx2",
    accent_style="band",
    decor="glow",
)

DESIGNS = [MODERN, AGENCY, DARK]


# -- shapes -----------------------------------------------------------------------------------


class Shapes:
    """Collects the shapes of one slide tree, numbering their ids."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.next_id = 2

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def placeholder(
        self,
        name: str,
        ph: str,
        box: tuple[float, float, float, float] | None = None,
        *,
        prompt: str = "",
        anchor: str = "",
        lst: str = "",
        fill: str = "",
        insets: float | None = None,
        flush: bool = False,
        autofit: bool = True,
    ) -> None:
        """A placeholder; ``ph`` is the inner attributes, e.g. ``type="title"`` or ``idx="13"``."""
        xfrm = ""
        if box is not None:
            x, y, w, h = box
            xfrm = (
                f'<a:xfrm><a:off x="{inch(x)}" y="{inch(y)}"/>'
                f'<a:ext cx="{inch(w)}" cy="{inch(h)}"/></a:xfrm>'
            )
        fill_xml = f'<a:solidFill><a:schemeClr val="{fill}"/></a:solidFill>' if fill else ""
        body = ' wrap="square"'
        if anchor:
            body += f' anchor="{anchor}"'
        if insets is not None:
            e = inch(insets)
            body += f' lIns="{e}" tIns="{e}" rIns="{e}" bIns="{e}"'
        elif flush:  # text starts exactly at the placeholder's left edge, in line with accents
            body += ' lIns="0" rIns="0"'
        fit = "<a:normAutofit/>" if autofit else "<a:noAutofit/>"
        text = f'<a:r><a:rPr lang="de-DE"/><a:t>{escape(prompt)}</a:t></a:r>' if prompt else ""
        self.items.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{escape(name)}"/>'
            f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>'
            f"<p:spPr>{xfrm}{fill_xml}</p:spPr>"
            f"<p:txBody><a:bodyPr{body}>{fit}</a:bodyPr><a:lstStyle>{lst}</a:lstStyle>"
            f"<a:p>{text}</a:p></p:txBody></p:sp>"
        )

    def rect(
        self,
        name: str,
        box: tuple[float, float, float, float],
        color: str,
        *,
        geometry: str = "rect",
        alpha: int = 100,
    ) -> None:
        """A decorative shape in a scheme colour, drawn by the master or a layout."""
        x, y, w, h = box
        alpha_xml = f'<a:alpha val="{alpha * 1000}"/>' if alpha < 100 else ""
        self.items.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{escape(name)}"/><p:cNvSpPr/>'
            f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{inch(x)}" '
            f'y="{inch(y)}"/><a:ext cx="{inch(w)}" cy="{inch(h)}"/></a:xfrm>'
            f'<a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:schemeClr val="{color}">{alpha_xml}</a:schemeClr></a:solidFill>'
            f"<a:ln><a:noFill/></a:ln></p:spPr>"
            f'<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p>'
            f'<a:endParaRPr lang="de-DE"/></a:p></p:txBody></p:sp>'
        )

    def glyph(
        self, name: str, box: tuple[float, float, float, float], text: str, color: str, size: int
    ) -> None:
        """A decorative character (a big quotation mark) drawn by a layout."""
        x, y, w, h = box
        self.items.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{escape(name)}"/>'
            f'<p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm>'
            f'<a:off x="{inch(x)}" y="{inch(y)}"/><a:ext cx="{inch(w)}" cy="{inch(h)}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            f'<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t">'
            f'<a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="de-DE" sz="{size}" '
            f'b="1"><a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'
            f'<a:latin typeface="+mj-lt"/></a:rPr><a:t>{escape(text)}</a:t></a:r></a:p>'
            f"</p:txBody></p:sp>"
        )

    def xml(self) -> str:
        return (
            '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
            '</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
            '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
            + "".join(self.items)
            + "</p:spTree>"
        )


def level(
    n: int,
    *,
    size: int | None = None,
    color: str | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    bullet: str | None = None,
    numbered: bool = False,
    bullet_color: str = "accent1",
    mar: float = 0.0,
    indent: float = 0.0,
    before: int = 0,
    align: str = "",
    font: str = "",
) -> str:
    """One ``a:lvlNpPr`` list-style level."""
    attrs = f' marL="{inch(mar)}" indent="{inch(indent)}"'
    if align:
        attrs += f' algn="{align}"'
    inner = f'<a:spcBef><a:spcPts val="{before * 100}"/></a:spcBef>' if before else ""
    if numbered:
        inner += (
            f'<a:buClr><a:schemeClr val="{bullet_color}"/></a:buClr>'
            '<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"/>'
        )
    elif bullet:
        inner += (
            f'<a:buClr><a:schemeClr val="{bullet_color}"/></a:buClr>'
            f'<a:buFont typeface="Arial"/><a:buChar char="{escape(bullet)}"/>'
        )
    else:
        inner += "<a:buNone/>"
    run = ""
    if size is not None:
        run += f' sz="{size * 100}"'
    if bold is not None:
        run += f' b="{int(bold)}"'
    if italic is not None:
        run += f' i="{int(italic)}"'
    fill = f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill>' if color else ""
    latin = f'<a:latin typeface="{font}"/>' if font else ""
    return f"<a:lvl{n}pPr{attrs}>{inner}<a:defRPr{run}>{fill}{latin}</a:defRPr></a:lvl{n}pPr>"


# -- the shared geometry of every built-in theme ------------------------------------------------

MARGIN = 0.6
CONTENT_W = 13.333 - 2 * MARGIN
TITLE_BOX = (MARGIN, 0.35, CONTENT_W, 1.05)
BODY_TOP = 1.75
BODY_H = 6.65 - BODY_TOP
FOOTER_BOX = (MARGIN, 6.95, 8.0, 0.35)
NUMBER_BOX = (13.333 - MARGIN - 1.2, 6.95, 1.2, 0.35)


@dataclass
class Layout:
    """One slide layout: its name, background and shapes."""

    name: str
    shapes: Shapes
    background: str = ""


def _footer(
    shapes: Shapes,
    color: str = "tx1",
    number: bool = True,
    box: tuple[float, float, float, float] = FOOTER_BOX,
) -> None:
    shapes.placeholder(
        "Footer",
        'type="ftr" sz="quarter" idx="11"',
        box,
        anchor="ctr",
        lst=level(1, size=11, color=color, align="l", font="+mn-lt"),
    )
    if not number:
        return
    shapes.placeholder(
        "Slide Number",
        'type="sldNum" sz="quarter" idx="12"',
        NUMBER_BOX,
        anchor="ctr",
        lst=level(
            1,
            size=11,
            color="accent1" if color == "tx1" else color,
            bold=True,
            align="r",
            font="+mn-lt",
        ),
    )


def _title(
    shapes: Shapes, design: Design, box: tuple[float, float, float, float] = TITLE_BOX
) -> None:
    shapes.placeholder("Title", 'type="title"', box, anchor="b", flush=True)
    x, y, w, h = box
    if design.accent_style == "underline":
        shapes.rect("Accent", (x, y + h + 0.08, 1.1, 0.07), "accent1")
    elif design.accent_style == "rule":
        shapes.rect("Accent", (x, y + h + 0.1, w, 0.02), "accent1")


def _opening_decor(shapes: Shapes, design: Design, *, title_slide: bool) -> None:
    """The shapes behind the title and closing slides' text."""
    if design.decor == "circles":
        shapes.rect("Circle", (9.2, -1.6, 6.2, 6.2), "accent1", geometry="ellipse", alpha=35)
        if title_slide:
            shapes.rect(
                "Small Circle", (11.9, 5.3, 1.0, 1.0), "accent2", geometry="ellipse", alpha=90
            )
        shapes.rect("Accent Bar", (0, 0, 0.35, 7.5), "accent1")
    elif design.decor == "bands":
        shapes.rect("Top Band", (0, 0, 13.333, 0.55), "tx2")
        shapes.rect("Top Rule", (0, 0.55, 13.333, 0.08), "accent2")
        shapes.rect("Bottom Rule", (0.9, 6.75, 11.533, 0.02), "tx2")
    elif design.decor == "glow":
        shapes.rect("Glow", (7.6, -2.4, 8.0, 8.0), "accent1", geometry="ellipse", alpha=18)
        shapes.rect("Glow 2", (10.4, 3.9, 4.2, 4.2), "accent2", geometry="ellipse", alpha=22)
        if title_slide:
            shapes.rect("Accent Bar", (0.9, 1.2, 0.08, 1.0), "accent1")


def _content_page(design: Design, name: str) -> Layout:
    shapes = Shapes()
    if design.accent_style == "band":
        shapes.rect("Band", (0, 0, 0.22, 7.5), "accent1")
    _title(shapes, design)
    return Layout(name, shapes, design.content_bg)


def layouts(design: Design) -> list[Layout]:
    """The layouts every built-in theme has, in the order PowerPoint lists them."""
    result = []
    body_box = (MARGIN, BODY_TOP, CONTENT_W, BODY_H)

    # Title
    s = Shapes()
    _opening_decor(s, design, title_slide=True)
    s.rect("Accent Line", (0.9, 4.38, 2.2, 0.07), "accent2")
    s.placeholder(
        "Title",
        'type="ctrTitle"',
        (0.9, 1.6, 11.2, 2.6),
        anchor="b",
        lst=level(1, size=44, color=design.opening_text, bold=True),
    )
    s.placeholder(
        "Subtitle",
        'type="subTitle" idx="1"',
        (0.9, 4.65, 11.2, 1.3),
        anchor="t",
        lst=level(1, size=22, color=design.opening_subtext),
    )
    _footer(s, design.opening_text, number=False)
    result.append(Layout("Title", s, design.opening_bg))

    # Section
    s = Shapes()
    s.rect("Accent Line", (0.9, 2.45, 1.4, 0.09), design.section_text)
    s.placeholder(
        "Title",
        'type="title"',
        (0.9, 2.7, 11.5, 1.9),
        anchor="t",
        lst=level(1, size=40, color=design.section_text, bold=True),
    )
    s.placeholder(
        "Subtitle",
        'type="body" idx="1"',
        (0.9, 4.7, 11.5, 1.2),
        anchor="t",
        lst=level(1, size=20, color=design.section_text),
    )
    _footer(s, design.section_text)
    result.append(Layout("Section", s, design.section_bg))

    # Agenda
    s = Shapes()
    s.rect("Panel", (0, 0, 4.3, 7.5), design.panel)
    s.rect("Accent Line", (0.6, 3.55, 1.1, 0.07), "accent2")
    s.placeholder(
        "Title",
        'type="title"',
        (0.6, 1.0, 3.3, 2.4),
        anchor="b",
        lst=level(1, size=36, color=design.panel_text, bold=True),
    )
    s.placeholder(
        "Agenda",
        'type="body" idx="1"',
        (4.9, 0.8, 7.8, 5.9),
        anchor="ctr",
        lst=level(1, size=22, numbered=True, mar=0.5, indent=-0.5, before=10, color="tx1"),
    )
    # the footer starts right of the panel, on the page's own colour, where it reads
    _footer(s, box=(4.9, FOOTER_BOX[1], NUMBER_BOX[0] - 4.9 - 0.2, FOOTER_BOX[3]))
    result.append(Layout("Agenda", s, design.content_bg))

    # Bullets
    layout = _content_page(design, "Bullets")
    layout.shapes.placeholder("Text", 'type="body" idx="1"', body_box, anchor="t", flush=True)
    _footer(layout.shapes)
    result.append(layout)

    # Two Columns
    col_w = (CONTENT_W - 0.4) / 2
    right_x = MARGIN + col_w + 0.4
    layout = _content_page(design, "Two Columns")
    s = layout.shapes
    s.rect("Divider", (MARGIN + col_w + 0.19, BODY_TOP, 0.02, BODY_H), "bg2")
    heading = level(1, size=20, bold=True, color="accent1")
    s.placeholder(
        "Left Heading",
        'type="body" idx="13"',
        (MARGIN, BODY_TOP, col_w, 0.55),
        lst=heading,
        anchor="b",
        flush=True,
    )
    s.placeholder(
        "Left Text",
        'type="body" idx="14"',
        (MARGIN, BODY_TOP + 0.65, col_w, BODY_H - 0.65),
        anchor="t",
        flush=True,
    )
    s.placeholder(
        "Right Heading",
        'type="body" idx="15"',
        (right_x, BODY_TOP, col_w, 0.55),
        lst=heading,
        anchor="b",
        flush=True,
    )
    s.placeholder(
        "Right Text",
        'type="body" idx="16"',
        (right_x, BODY_TOP + 0.65, col_w, BODY_H - 0.65),
        anchor="t",
        flush=True,
    )
    _footer(s)
    result.append(layout)

    # Concern: the concern, in the department's words, is the headline; the answer under it
    s = Shapes()
    if design.accent_style == "band":
        s.rect("Band", (0, 0, 0.22, 7.5), "accent1")
    s.placeholder(
        "Counter",
        'type="body" idx="13"',
        (MARGIN, 0.3, 6.0, 0.4),
        anchor="b",
        flush=True,
        lst=level(1, size=14, bold=True, color="accent1"),
    )
    s.placeholder(
        "Title",
        'type="title"',
        (MARGIN, 0.75, CONTENT_W, 1.75),
        anchor="t",
        flush=True,
        lst=level(1, size=30, italic=True, color="tx2"),
    )
    s.rect("Concern Accent", (MARGIN, 2.65, 0.09, BODY_H - 1.0), "accent2")
    s.placeholder(
        "Answer",
        'type="body" idx="14"',
        (MARGIN + 0.35, 2.65, CONTENT_W - 0.35, 6.65 - 2.65),
        anchor="t",
        lst=level(1, size=22, before=6)
        + level(2, size=20, bullet="\u2022", mar=0.35, indent=-0.3, before=8),
    )
    _footer(s)
    result.append(Layout("Concern", s, design.content_bg))

    # Key Figures
    layout = _content_page(design, "Key Figures")
    layout.shapes.placeholder("Figures", 'type="body" idx="13"', (MARGIN, 2.0, CONTENT_W, 4.3))
    _footer(layout.shapes)
    result.append(layout)

    # Content (charts and tables)
    layout = _content_page(design, "Content")
    layout.shapes.placeholder(
        "Content", 'type="body" idx="13"', (MARGIN, BODY_TOP, CONTENT_W, 4.35)
    )
    layout.shapes.placeholder(
        "Caption",
        'type="body" idx="14"',
        (MARGIN, 6.2, CONTENT_W, 0.5),
        anchor="ctr",
        lst=level(1, size=14, italic=True, color="tx2"),
    )
    _footer(layout.shapes)
    result.append(layout)

    # Quote
    s = Shapes()  # deckgen draws the quotation mark of the deck's language
    s.placeholder(
        "Quote",
        'type="body" idx="13"',
        (1.9, 1.3, 10.2, 3.7),
        anchor="ctr",
        lst=level(1, size=28, italic=True, color="tx2"),
    )
    s.rect("Accent Line", (1.9, 5.2, 1.1, 0.07), "accent2")
    s.placeholder(
        "Author",
        'type="body" idx="14"',
        (1.9, 5.4, 10.2, 0.55),
        anchor="t",
        lst=level(1, size=20, bold=True, color="accent1"),
    )
    s.placeholder(
        "Role",
        'type="body" idx="15"',
        (1.9, 5.95, 10.2, 0.5),
        anchor="t",
        lst=level(1, size=16, color="tx1"),
    )
    _footer(s)
    result.append(Layout("Quote", s, design.quote_bg))

    # Image
    layout = _content_page(design, "Image")
    s = layout.shapes
    s.placeholder("Picture", 'type="pic" idx="13"', (MARGIN, BODY_TOP, 8.2, BODY_H))
    s.placeholder(
        "Caption",
        'type="body" idx="14"',
        (MARGIN + 8.6, BODY_TOP, CONTENT_W - 8.6, BODY_H),
        anchor="ctr",
        lst=level(1, size=18, color="tx1"),
    )
    _footer(s)
    result.append(layout)

    # Closing
    s = Shapes()
    _opening_decor(s, design, title_slide=False)
    s.placeholder(
        "Title",
        'type="title"',
        (0.9, 0.9, 11.5, 1.7),
        anchor="b",
        lst=level(1, size=48, color=design.opening_text, bold=True),
    )
    s.placeholder(  # two lines at 22 pt: the department's next step, with its date
        "Text",
        'type="body" idx="13"',
        (0.9, 2.65, 11.5, 0.95),
        anchor="t",
        lst=level(1, size=22, color="accent2"),
    )
    s.rect("Accent Line", (0.9, 3.72, 2.2, 0.05), design.opening_text, alpha=60)
    s.placeholder(
        "Contact",
        'type="body" idx="14"',
        (0.9, 3.95, 11.5, 2.5),
        anchor="t",
        lst=level(1, size=20, color=design.opening_text, before=4),
    )
    _footer(s, design.opening_text, number=False)
    result.append(Layout("Closing", s, design.opening_bg))

    # Title Only and Blank, for slides a user draws by hand
    layout = _content_page(design, "Title Only")
    _footer(layout.shapes)
    result.append(layout)
    s = Shapes()
    _footer(s)
    result.append(Layout("Blank", s, design.content_bg))
    return result


# theme.yaml: which layout and which placeholder (by idx) each slide kind fills
MAPPING: dict[str, tuple[str, dict[str, int]]] = {
    "title": ("Title", {"title": 0, "subtitle": 1}),
    "agenda": ("Agenda", {"title": 0, "body": 1}),
    "section": ("Section", {"title": 0, "subtitle": 1}),
    "bullets": ("Bullets", {"title": 0, "body": 1}),
    "two_columns": (
        "Two Columns",
        {"title": 0, "left_heading": 13, "left": 14, "right_heading": 15, "right": 16},
    ),
    "concerns": ("Concern", {"title": 0, "counter": 13, "answer": 14}),
    "key_figures": ("Key Figures", {"title": 0, "figures": 13}),
    "chart": ("Content", {"title": 0, "chart": 13, "caption": 14}),
    "table": ("Content", {"title": 0, "table": 13, "caption": 14}),
    "process": ("Content", {"title": 0, "diagram": 13, "caption": 14}),
    "quote": ("Quote", {"quote": 13, "author": 14, "role": 15}),
    "image": ("Image", {"title": 0, "image": 13, "caption": 14}),
    "closing": ("Closing", {"title": 0, "text": 13, "contact": 14}),
    "cards": ("Key Figures", {"title": 0, "cards": 13}),
    "decision": ("Bullets", {"title": 0, "body": 1}),
}


# -- parts ------------------------------------------------------------------------------------


def theme_xml(design: Design) -> str:
    c = design.colors

    def color(name: str) -> str:
        return f'<a:{name}><a:srgbClr val="{c[name]}"/></a:{name}>'

    scheme = "".join(
        color(n)
        for n in (
            [
                "dk1",
                "lt1",
                "dk2",
                "lt2",
                "accent1",
                "accent2",
                "accent3",
                "accent4",
                "accent5",
                "accent6",
                "hlink",
                "folHlink",
            ]
        )
    )
    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = '<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">' + solid + "</a:ln>"
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        XML_HEAD + f'<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'name="deckgen {design.name}"><a:themeElements>'
        f'<a:clrScheme name="deckgen {design.name}">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="deckgen {design.name}">'
        f'<a:majorFont><a:latin typeface="{design.major_font}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
        f'<a:minorFont><a:latin typeface="{design.minor_font}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>'
        f"</a:fontScheme>"
        f'<a:fmtScheme name="deckgen flat"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line.format(w=9525)}{line.format(w=19050)}{line.format(w=28575)}</a:lnStyleLst>"
        f"<a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme>"
        f"</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


def _background(color: str) -> str:
    if not color:
        return ""
    return (
        f'<p:bg><p:bgPr><a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'
        f"<a:effectLst/></p:bgPr></p:bg>"
    )


def _color_map(design: Design) -> str:
    """The master's colour map: dark designs put text in the light colours on the dark ones."""
    if design.dark:
        return '<p:clrMap bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt2" '
    return '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" '


def master_xml(design: Design, layout_count: int) -> str:
    s = Shapes()
    s.placeholder("Title", 'type="title"', TITLE_BOX, anchor="b", flush=True)
    s.placeholder(
        "Text", 'type="body" idx="1"', (MARGIN, BODY_TOP, CONTENT_W, BODY_H), anchor="t", flush=True
    )
    _footer(s)
    title_style = (
        '<p:titleStyle><a:lvl1pPr algn="l"><a:lnSpc><a:spcPct val="90000"/></a:lnSpc>'
        '<a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>'
        f'<a:defRPr sz="3200" b="{int(design.title_case_bold)}" kern="1200">'
        '<a:solidFill><a:schemeClr val="tx2"/></a:solidFill>'
        '<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/>'
        "</a:defRPr></a:lvl1pPr></p:titleStyle>"
    )
    bullets = [("•", 22, 0.0), ("–", 18, 0.35), ("•", 16, 0.7), ("–", 14, 1.0), ("•", 14, 1.3)]
    body_levels = ""
    for n, (char, size, indent) in enumerate(bullets, start=1):
        body_levels += (
            f'<a:lvl{n}pPr marL="{inch(indent + 0.32)}" indent="{-inch(0.32)}" algn="l">'
            f'<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{1000 if n == 1 else 400}"/></a:spcBef>'
            f'<a:buClr><a:schemeClr val="accent1"/></a:buClr><a:buFont typeface="Arial"/>'
            f'<a:buChar char="{char}"/><a:defRPr sz="{size * 100}" kern="1200">'
            '<a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
            '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/>'
            f"</a:defRPr></a:lvl{n}pPr>"
        )
    other = (
        '<p:otherStyle><a:defPPr><a:defRPr lang="de-DE"/></a:defPPr><a:lvl1pPr marL="0" '
        'algn="l"><a:defRPr sz="1800" kern="1200"><a:solidFill><a:schemeClr val="tx1"/>'
        '</a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/>'
        '<a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr></p:otherStyle>'
    )
    ids = "".join(
        f'<p:sldLayoutId id="{2147483649 + i}" r:id="rId{i + 1}"/>' for i in range(layout_count)
    )
    return (
        XML_HEAD
        + f"<p:sldMaster {NS}><p:cSld>{_background(design.content_bg)}{s.xml()}</p:cSld>"
        + _color_map(design)
        + 'accent1="accent1" accent2="accent2" '
        'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" '
        'hlink="hlink" folHlink="folHlink"/>'
        f"<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>"
        f"<p:txStyles>{title_style}<p:bodyStyle>{body_levels}</p:bodyStyle>{other}</p:txStyles>"
        "</p:sldMaster>"
    )


def layout_xml(layout: Layout) -> str:
    return (
        XML_HEAD
        + f'<p:sldLayout {NS} preserve="1" userDrawn="1"><p:cSld name="{escape(layout.name)}">'
        f"{_background(layout.background)}{layout.shapes.xml()}</p:cSld>"
        "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )


def _rels(items: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(items, start=1)
    )
    return (
        XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships">{body}</Relationships>'
    )


def package_parts(design: Design) -> dict[str, str]:
    """Every part of the template, by name inside the zip."""
    all_layouts = layouts(design)
    n = len(all_layouts)
    parts: dict[str, str] = {}
    overrides = [
        ("/ppt/presentation.xml", f"{CT}.presentation.main+xml"),
        ("/ppt/slideMasters/slideMaster1.xml", f"{CT}.slideMaster+xml"),
        ("/ppt/presProps.xml", f"{CT}.presProps+xml"),
        ("/ppt/viewProps.xml", f"{CT}.viewProps+xml"),
        ("/ppt/tableStyles.xml", f"{CT}.tableStyles+xml"),
        ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ] + [
        (f"/ppt/slideLayouts/slideLayout{i}.xml", f"{CT}.slideLayout+xml") for i in range(1, n + 1)
    ]
    parts["[Content_Types].xml"] = (
        XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )
    parts["_rels/.rels"] = _rels(
        [
            (f"{REL}/officeDocument", "ppt/presentation.xml"),
            (
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            (f"{REL}/extended-properties", "docProps/app.xml"),
        ]
    )
    parts["docProps/core.xml"] = (
        XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>deckgen {design.name}</dc:title><dc:creator>deckgen</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )
    parts["docProps/app.xml"] = (
        XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>deckgen</Application>'
        "<PresentationFormat>Widescreen</PresentationFormat></Properties>"
    )
    parts["ppt/presentation.xml"] = (
        XML_HEAD + f'<p:presentation {NS} saveSubsetFonts="1">'
        '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
        f'<p:sldSz cx="{SLIDE_W}" cy="{SLIDE_H}"/><p:notesSz cx="6858000" cy="9144000"/>'
        '<p:defaultTextStyle><a:defPPr><a:defRPr lang="de-DE"/></a:defPPr></p:defaultTextStyle>'
        "</p:presentation>"
    )
    parts["ppt/_rels/presentation.xml.rels"] = _rels(
        [
            (f"{REL}/slideMaster", "slideMasters/slideMaster1.xml"),
            (f"{REL}/presProps", "presProps.xml"),
            (f"{REL}/viewProps", "viewProps.xml"),
            (f"{REL}/theme", "theme/theme1.xml"),
            (f"{REL}/tableStyles", "tableStyles.xml"),
        ]
    )
    parts["ppt/presProps.xml"] = XML_HEAD + f"<p:presentationPr {NS}/>"
    parts["ppt/viewProps.xml"] = (
        XML_HEAD + f'<p:viewPr {NS}><p:normalViewPr><p:restoredLeft sz="15620"/>'
        '<p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/>'
        "</p:viewPr>"
    )
    parts["ppt/tableStyles.xml"] = (
        XML_HEAD + '<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>'
    )
    parts["ppt/theme/theme1.xml"] = theme_xml(design)
    parts["ppt/slideMasters/slideMaster1.xml"] = master_xml(design, n)
    parts["ppt/slideMasters/_rels/slideMaster1.xml.rels"] = _rels(
        [(f"{REL}/slideLayout", f"../slideLayouts/slideLayout{i}.xml") for i in range(1, n + 1)]
        + [(f"{REL}/theme", "../theme/theme1.xml")]
    )
    for i, layout in enumerate(all_layouts, start=1):
        parts[f"ppt/slideLayouts/slideLayout{i}.xml"] = layout_xml(layout)
        parts[f"ppt/slideLayouts/_rels/slideLayout{i}.xml.rels"] = _rels(
            [(f"{REL}/slideMaster", "../slideMasters/slideMaster1.xml")]
        )
    return parts


def theme_yaml(design: Design) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schemas/theme.schema.json",
        f"# The {design.name} theme. Written by themes/build_themes.py (make themes); edit there.",
        f"name: {design.name}",
        f'description: "{design.description}"',
        "template: template.pptx",
        "# Each slide kind: the layout it uses (by name) and which placeholder (by idx) takes",
        "# which field. idx 0 is the layout's title.",
        "kinds:",
    ]
    for kind, (layout, placeholders) in MAPPING.items():
        inner = ", ".join(f"{k}: {v}" for k, v in placeholders.items())
        lines += [f"  {kind}:", f"    layout: {layout}", f"    placeholders: {{{inner}}}"]
    return "\n".join(lines) + "\n"


def write_theme(design: Design, folder: Path) -> None:
    """Write template.pptx and theme.yaml of one design into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(folder / "template.pptx", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in package_parts(design).items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    (folder / "theme.yaml").write_text(theme_yaml(design), encoding="utf-8")


def main() -> None:
    for design in DESIGNS:
        write_theme(design, HERE / design.name)
        print(f"themes/{design.name}/template.pptx")


if __name__ == "__main__":
    main()
