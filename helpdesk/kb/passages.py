"""Split an article body into passages at its ``##`` headings, using markdown-it's parse tree."""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt

from helpdesk.kb.models import Lang, Passage

_md = MarkdownIt("commonmark")
_NOT_SLUG = re.compile(r"[^\w\- ]+")


def slugify(heading: str) -> str:
    """A GitHub-style anchor: lower case, punctuation dropped, spaces to hyphens (Hangul kept)."""
    text = unicodedata.normalize("NFKC", heading).strip().lower()
    text = _NOT_SLUG.sub("", text)
    return re.sub(r"\s+", "-", text).strip("-")


def heading_anchors(headings: list[str]) -> list[str]:
    """Anchors for an article's ``##`` headings, unique by GitHub's rule ("x", "x-1", ...)."""
    seen: dict[str, int] = {}
    anchors = []
    for n, heading in enumerate(headings, start=1):
        anchor = slugify(heading) or f"section-{n}"
        if anchor in seen:
            seen[anchor] += 1
            anchor = f"{anchor}-{seen[anchor]}"
        seen.setdefault(anchor, 0)
        anchors.append(anchor)
    return anchors


def split_passages(article_id: str, lang: Lang, title: str, body: str) -> tuple[Passage, ...]:
    """The lead (text before the first ``##``, headed by the title) and one passage per ``##``.

    Empty sections are dropped; anchors are unique within the article.
    """
    lines = body.splitlines()
    tokens = _md.parse(body)
    heads: list[tuple[int, int, str]] = []  # (first line, line after heading, heading text)
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2" and token.map is not None:
            heads.append((token.map[0], token.map[1], tokens[i + 1].content.strip()))

    sections: list[tuple[str, str, str]] = []
    lead_end = heads[0][0] if heads else len(lines)
    sections.append((title, "", "\n".join(lines[:lead_end]).strip()))
    anchors = heading_anchors([heading for _, _, heading in heads])
    for n, (_, text_start, heading) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        sections.append((heading, anchors[n], "\n".join(lines[text_start:end]).strip()))

    passages: list[Passage] = []
    for heading, anchor, text in sections:
        if not text:
            continue
        passages.append(
            Passage(
                article_id=article_id,
                lang=lang,
                position=len(passages),
                heading=heading,
                anchor=anchor,
                text=text,
            )
        )
    return tuple(passages)
