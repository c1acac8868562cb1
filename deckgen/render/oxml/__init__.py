"""Raw OOXML: every place deckgen reads or writes XML, or reaches into python-pptx internals.

The modules above this package speak in slides, shapes and paragraphs; like python-pptx's own
``oxml`` layer, this is where element names, XPath and private attributes live:
:mod:`.package` (parts, theme part, layout names), :mod:`.text` (inherited text styles,
paragraphs), :mod:`.slides` (notes, footers, sections, charts), :mod:`.graphics` (a layout's
own graphics and colours), :mod:`.styles` (what import carries into a template's styles),
:mod:`.plates` (the plain surface under text on busy graphics).
"""

from deckgen.render.oxml.package import (
    application,
    colours_and_fonts,
    count_partnames,
    drop_field_samples,
    drop_slides,
    ensure_view_props,
    is_vertical,
    package_members,
    rename_layout,
    restyle_theme,
    set_placeholder_idx,
    theme_part,
)
from deckgen.render.oxml.plates import add_plate, plate_of, plate_shape
from deckgen.render.oxml.slides import (
    add_footer,
    add_sections,
    arrow_head,
    drop_custom_data,
    footer_elements,
    hide,
    link_to_slide,
    mark_decorative,
    notes_frame,
    positive_axis_ids,
    remove_shape,
    set_chart_language,
)
from deckgen.render.oxml.styles import style_like
from deckgen.render.oxml.text import (
    anchor,
    inheritance_chain,
    insets,
    level_styles,
    type_name,
    write_paras,
)

__all__ = [
    "add_footer",
    "add_plate",
    "add_sections",
    "anchor",
    "application",
    "arrow_head",
    "colours_and_fonts",
    "count_partnames",
    "drop_custom_data",
    "drop_field_samples",
    "drop_slides",
    "ensure_view_props",
    "footer_elements",
    "hide",
    "inheritance_chain",
    "insets",
    "is_vertical",
    "level_styles",
    "link_to_slide",
    "mark_decorative",
    "notes_frame",
    "package_members",
    "plate_of",
    "plate_shape",
    "positive_axis_ids",
    "remove_shape",
    "rename_layout",
    "restyle_theme",
    "set_chart_language",
    "set_placeholder_idx",
    "style_like",
    "theme_part",
    "type_name",
    "write_paras",
]
