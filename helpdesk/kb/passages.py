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

    sections: list[tuple[str, str]] = []
    lead_end = heads[0][0] if heads else len(lines)
    sections.append((title, "\n".join(lines[:lead_end]).strip()))
    for n, (_, text_start, heading) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        sections.append((heading, "\n".join(lines[text_start:end]).strip()))

    passages: list[Passage] = []
    seen: dict[str, int] = {}
    for n, (heading, text) in enumerate(sections):
        if not text:
            continue
        anchor = "" if n == 0 else slugify(heading) or f"section-{n}"
        if anchor in seen:  # GitHub's rule: the second "who-pays" is "who-pays-1"
            seen[anchor] += 1
            anchor = f"{anchor}-{seen[anchor]}"
        seen.setdefault(anchor, 0)
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
