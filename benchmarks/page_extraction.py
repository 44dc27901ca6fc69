"""Web page extraction: trafilatura (communique.ingest.pages) against the hand-written parser
communique used before (kept as benchmarks/handwritten_html.py), on pages built here.

Pages: the project's own gold articles (benchmarks/gold, heldout, final: written for the
project) each wrapped in one of six invented sites' layouts (communique.sample_web.layouts:
cookie banners, navigation, related-story lists, comments inside and outside <article>,
newsletter boxes, captions, "Read more" links, a table layout with <br> breaks, the date in
meta tags, <time>, JSON-LD, a visible "Posted:" line or a slashed meta date).

Prints per extractor: body recall (share of the story's sentences found), word precision
(share of extracted words that belong to the story), pages with boilerplate leaked, titles
and dates right, and milliseconds per page.

    .venv/bin/python benchmarks/page_extraction.py [--per-layout 5] [--write pages/]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from communique.ingest.pages import extract_page  # noqa: E402
from communique.ingest.readers import BadInput, parse_published  # noqa: E402
from communique.sample_web.articles import Article  # noqa: E402
from communique.sample_web.layouts import BOILERPLATE, LAYOUTS, render_page  # noqa: E402
from handwritten_html import extract_article  # noqa: E402

_WORD = re.compile(r"[\w']+")
_SENTENCE = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")
_DATELINE = re.compile(r"\A[A-Z][A-Z .'-]+,[^-]*?--\s*")


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def headline(text: str) -> str:
    """A headline from the lead: its first nine words after the dateline."""
    lead = _DATELINE.sub("", text.strip()).split("\n")[0]
    words = lead.split()[:9]
    return " ".join(words).rstrip(",.;:")


def gold_articles() -> list[Article]:
    stories = []
    for folder in ("gold", "heldout", "final"):
        for line in (HERE / folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            paragraphs = [p.strip() for p in record["text"].split("\n\n") if p.strip()]
            stories.append(Article(record["id"], headline(record["text"]), paragraphs,
                                   date.fromisoformat(record["published"]), "Example Times", "example-times.example"))
    return stories


def handwritten(markup: str):
    page = extract_article(markup)
    try:
        published = parse_published(page.published) if page.published else None
    except BadInput:
        published = None
    return page.title, page.text, published


def trafilatura_page(markup: str):
    page = extract_page(markup)
    return page.title, page.text, page.published


def trafilatura_alone(markup: str):
    """trafilatura's own output, without communique's two clean-ups (table cells, "Read more" lines)."""
    import trafilatura

    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=True,
                                        deduplicate=False, favor_precision=True,
                                        date_extraction_params={"extensive_search": True, "original_date": True})
    if found is None:
        return None, "", None
    published = date.fromisoformat(found.date[:10]) if found.date else None
    return found.title, found.text or "", published


EXTRACTORS = {"hand-written": handwritten, "trafilatura alone": trafilatura_alone,
              "trafilatura + clean-ups": trafilatura_page}  # the last is communique.ingest.pages


def score(extracted: tuple, article: Article, related: list[str]) -> dict:
    title, text, published = extracted
    got = norm(text)
    sentences = [s for p in article.paragraphs for s in _SENTENCE.split(p)]
    found = sum(1 for s in sentences if norm(s) in got)
    story_words = Counter(w.casefold() for w in _WORD.findall(article.text))
    words = [w.casefold() for w in _WORD.findall(text)]
    in_story = 0
    for w in words:
        if story_words[w] > 0:
            story_words[w] -= 1
            in_story += 1
    leaks = [b for b in (*BOILERPLATE, *related) if norm(b) in got]
    return {"sentences": len(sentences), "found": found, "words": len(words), "in_story": in_story,
            "leaked": bool(leaks), "title": norm(title or "") == norm(article.headline),
            "date": published == article.published}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-layout", type=int, default=5, help="articles per layout (6 layouts)")
    parser.add_argument("--write", type=Path, help="also write the pages into this folder")
    args = parser.parse_args()
    stories = gold_articles()
    pages = []
    for i, layout in enumerate(LAYOUTS):
        for j in range(args.per_layout):
            article = stories[(i * args.per_layout + j) % len(stories)]
            others = [s for s in stories if s.id != article.id]
            related = [s.headline for s in others[(i + j + 7) % len(others):][:4]]
            pages.append((layout, article, related, render_page(article, layout, related)))
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for layout, article, _, markup in pages:
            (args.write / f"{layout}-{article.id}.html").write_text(markup, encoding="utf-8")
    print(f"{len(pages)} pages ({len(LAYOUTS)} layouts x {args.per_layout} articles), "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'extractor':28} {'recall':>7} {'precision':>9} {'leaky':>7} {'titles':>7} {'dates':>7} {'ms/page':>8}")
    per_layout: dict[str, dict[str, list]] = {}
    for name, extract in EXTRACTORS.items():
        extract(pages[0][3])  # load modules before timing
        start = time.perf_counter()
        results = [(layout, score(extract(markup), article, related)) for layout, article, related, markup in pages]
        elapsed = (time.perf_counter() - start) / len(pages) * 1000
        rows = [r for _, r in results]
        recall = sum(r["found"] for r in rows) / sum(r["sentences"] for r in rows)
        precision = sum(r["in_story"] for r in rows) / max(1, sum(r["words"] for r in rows))
        n = len(rows)
        print(f"{name:28} {recall:7.3f} {precision:9.3f} {sum(r['leaked'] for r in rows):3}/{n:<3} "
              f"{sum(r['title'] for r in rows):3}/{n:<3} {sum(r['date'] for r in rows):3}/{n:<3} {elapsed:8.1f}")
        for layout, r in results:
            per_layout.setdefault(layout, {}).setdefault(name, []).append(r)
    print("\nbody recall / leaky pages / dates right, per layout:")
    for layout, by_name in per_layout.items():
        cells = []
        for name, rows in by_name.items():
            recall = sum(r["found"] for r in rows) / sum(r["sentences"] for r in rows)
            cells.append(f"{name}: {recall:.2f} / {sum(r['leaked'] for r in rows)} / "
                         f"{sum(r['date'] for r in rows)}")
        print(f"  {layout:9} " + "   ".join(cells))


if __name__ == "__main__":
    main()
