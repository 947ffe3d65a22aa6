"""Markdown to safe HTML and to plain text, with markdown-it (raw HTML in the source is escaped)."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from helpdesk.kb.passages import heading_anchors

# "commonmark" with html disabled: a <script> written in an article renders as text.
_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
PLAIN_TEXT_CACHE = 4096


def render_html(markdown: str) -> str:
    """HTML with raw HTML escaped; each ``##`` heading gets the id its passage's anchor uses."""
    tokens = _md.parse(markdown)
    h2 = [i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    anchors = heading_anchors([tokens[i + 1].content.strip() for i in h2])
    for i, anchor in zip(h2, anchors, strict=True):
        tokens[i].attrSet("id", anchor)
    return str(_md.renderer.render(tokens, _md.options, {}))


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


@lru_cache(maxsize=PLAIN_TEXT_CACHE)
def plain_text(markdown: str) -> str:
    """The readable text of a markdown passage, blocks joined by single spaces.

    Answers render the same passages again and again, so each text is parsed once
    (``PLAIN_TEXT_CACHE`` texts are kept: more than the shipped knowledge base holds).
    """
    blocks = []
    for token in _md.parse(markdown):
        if token.type == "inline" and token.children is not None:
            blocks.append(_inline_text(token.children))
        elif token.type in ("code_block", "fence"):
            blocks.append(token.content)
    return " ".join(" ".join(blocks).split())
