"""What the most common YAML mistakes of people who are not programmers mean, in their words.

PyYAML reports where its grammar broke ("expected <block end>, but found '<scalar>'"), which is
rarely where or what the person got wrong. These hints look at the line itself:

- a text that starts with ``{{`` (a Jinja expression) without quotes: YAML reads ``{`` as the
  start of a mapping, so ``audience: {{ department.name }}`` and ``[Pilot in {{ x }}]`` break in
  three different ways; the fix is always to put the text in quotes;
- a key indented further than the keys it belongs with: YAML reads it as the continuation of
  the text on the line before, then trips over its colon.
"""

from __future__ import annotations

import re

_KEY_AND_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)?(?:[\w.-]+:\s+)?)(?P<value>.*?)\s*$")
_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[\w-]+):(?:\s|$)")
_COMMENT = re.compile(r"\s+#.*$")


def jinja_unquoted(line: str) -> str | None:
    """A message for a line whose value holds ``{{`` without quotes, else None."""
    code = _COMMENT.sub("", line)
    if "{{" not in code or _quoted_around(code, code.index("{{")):
        return None
    flow = code.find("[")
    if 0 <= flow < code.index("{{"):
        items = code[flow + 1 : code.rfind("]") if "]" in code else len(code)]
        quoted = ", ".join(_quote(item.strip()) for item in items.split(",") if item.strip())
        return (
            "a text with '{{' in a list in [ ] must be in quotes: "
            f"{code[:flow].strip()} [{quoted}]"
        )
    found = _KEY_AND_VALUE.match(code)
    assert found is not None  # the pattern matches every line
    lead, value = found.group("lead").strip(), found.group("value")
    return f"a text that starts with '{{{{' must be in quotes: {lead} {_quote(value)}".replace(
        ":  ", ": "
    )


def _quoted_around(line: str, at: int) -> bool:
    """Whether position ``at`` of ``line`` lies inside quotes."""
    before = line[:at]
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def _quote(text: str) -> str:
    if '"' not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def indented_key(lines: list[str], number: int) -> str | None:
    """A message when line ``number`` (1-based) is a key indented further than the line with a
    key before it, whose text YAML then reads as going on; else None."""
    if not 1 <= number <= len(lines):
        return None
    found = _KEY_LINE.match(lines[number - 1])
    if found is None:
        return None
    indent = len(found.group("indent"))
    for earlier in range(number - 2, -1, -1):
        text = lines[earlier]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        before = _KEY_LINE.match(text)
        if before is None:
            return None
        column = len(before.group("indent")) + (len(text.lstrip()) - len(text.lstrip("- ")))
        if indent <= column:
            return None
        return (
            f"'{found.group('key')}:' is indented further than '{before.group('key')}:' on "
            f"line {earlier + 1}; give the keys of one item the same indentation"
        )
    return None
