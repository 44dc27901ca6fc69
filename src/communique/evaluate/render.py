"""Showing an evaluation report with Rich: per-category table, confusion matrix, other figures, errors."""
from __future__ import annotations

from typing import Any, Optional

from .gold import SALIENCE
from .scoring import NONE, Counts, _norm_space, _ordered


def _pct(x: Optional[float]) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def category_table(report: dict[str, Any]):
    from rich.table import Table

    table = Table(title=f"{report['format']} · {report['documents']} documents · "
                        f"{report['gold_events']} gold / {report['predicted_events']} predicted events")
    table.add_column("category", no_wrap=True)
    table.add_column("gold", justify="right")
    for part in ("category", "triple"):
        for m in ("P", "R", "F1"):
            table.add_column(f"{part[:3]} {m}", justify="right")
    table.add_column("date", justify="right")
    cat, tri = report["category"]["by_category"], report["triple"]["by_category"]
    dates = report["date"].get("by_category", {})
    for c in _ordered(set(cat) | set(tri)):
        a, b = cat.get(c, Counts().to_dict()), tri.get(c, Counts().to_dict())
        table.add_row(c, str(a["tp"] + a["fn"]), *(_pct(a[k]) for k in ("precision", "recall", "f1")),
                      *(_pct(b[k]) for k in ("precision", "recall", "f1")),
                      _pct(dates.get(c, {}).get("accuracy")))
    a, b = report["category"]["overall"], report["triple"]["overall"]
    table.add_section()
    table.add_row("[bold]overall", str(a["tp"] + a["fn"]),
                  *(_pct(a[k]) for k in ("precision", "recall", "f1")),
                  *(_pct(b[k]) for k in ("precision", "recall", "f1")), _pct(report["date"]["accuracy"]))
    table.add_row("macro F1", "", "", "", _pct(report["category"]["macro_f1"]), "", "",
                  _pct(report["triple"]["macro_f1"]), "")
    return table


ABBREVIATIONS = {"AGREE": "AGR", "CONSULT": "CNS", "SUPPORT": "SUP", "CONCEDE": "CNC", "COOPERATE": "COP",
                 "AID": "AID", "RETREAT": "RET", "REQUEST": "REQ", "ACCUSE": "ACC", "REJECT": "REJ",
                 "THREATEN": "THR", "PROTEST": "PRO", "SANCTION": "SAN", "MOBILIZE": "MOB", "COERCE": "COE",
                 "ASSAULT": "ASL", NONE: "-"}


def confusion_table(report: dict[str, Any]):
    """Rows gold, columns predicted; three-letter labels so that 17 columns fit 80 characters."""
    from rich import box
    from rich.table import Table

    labels = report["confusion"]["labels"]
    matrix = report["confusion"]["matrix"]
    short = [ABBREVIATIONS.get(l, l[:3]) for l in labels]
    table = Table(title="confusion: rows gold, columns predicted (- = no event)", box=box.SIMPLE_HEAD,
                  padding=(0, 0), pad_edge=False, show_edge=False)
    table.add_column("", no_wrap=True)
    for l in short:
        table.add_column(l, justify="right", no_wrap=True, min_width=3)
    for g, label in zip(labels, short):
        row = matrix.get(g, {})
        table.add_row(label, *(("[bold]" if g == p else "") + str(row[p]) if row.get(p) else "·" for p in labels))
    return table


def summary_table(report: dict[str, Any]):
    from rich.table import Table

    table = Table(title="other figures", show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    d = report["date"]
    table.add_row("event date accuracy (matched, gold dated)",
                  f"{_pct(d['accuracy'])} ({d['correct']}/{d['matched']})" if d["matched"] else d.get("note", "–"))
    table.add_row("event date recall (gold dated)", f"{_pct(d['recall'])} ({d['correct']}/{d['gold_dated']})"
                  if d["gold_dated"] else "–")
    if report["format"] == "articles":
        table.add_row("false events per article", f"{report['false_events_per_article']}")
        for s in SALIENCE:
            v = report["salience"][s]
            table.add_row(f"recall, {s} events", f"{_pct(v['recall'])} ({v['found']}/{v['gold']})")
        m = report["mode"]
        table.add_row("mode agreement (matched)", f"{_pct(m['agreement'])} ({m['same']}/{m['gold_with_mode']})")
    if report["format"] == "plv":
        n = report["gold_events"]
        table.add_row("pairs linked by an event (found)", f"{_pct(report['found'])} ({report['pairs_found']}/{n})")
        table.add_row("pairs with the right category (right)", f"{_pct(report['right'])} ({report['pairs_right']}/{n})")
        table.add_row("extra categories per sentence", f"{report['extra_categories_per_sentence']}")
    table.add_row("coding errors", str(report["coding_errors"]))
    return table


def print_errors(report: dict[str, Any], console) -> None:
    from rich.markup import escape

    def fmt_pred(p, label="pred"):
        return (f"  [red]{label}[/red] {p['event']}/{p.get('mode') or '-'} {', '.join(p['actor']) or '∅'} → "
                f"{', '.join(p['recipient']) or '∅'}  [dim]{escape(p.get('trigger') or '')}; {p.get('date')}[/dim]")

    for e in report["errors"]:
        if report["format"] == "plv":
            g = e["gold"]
            console.print(f"[bold]{e['id']}[/bold] pair {'found, wrong category' if e['found'] else 'not found'}",
                          highlight=False)
            console.print(f"  {escape(e['text'])}", highlight=False)
            console.print(f"  [green]gold[/green] {g['event']} {escape(g['source'])} → {escape(g['target'])}",
                          highlight=False)
            for p in e["predicted"]:
                console.print(fmt_pred(p), highlight=False)
            if not e["predicted"]:
                console.print("  [red]pred[/red] (no event)", highlight=False)
        elif report["format"] == "gsr":
            g = e["gold"]
            arrow = "⇄" if g["compound"] else "→"
            console.print(f"[bold]{e['id']}[/bold] category {'ok' if e['category_ok'] else 'WRONG'}, "
                          f"triple {'ok' if e['triple_ok'] else 'WRONG'}", highlight=False)
            console.print(f"  {escape(e['text'])}", highlight=False)
            console.print(f"  [green]gold[/green] {g['event']} {','.join(g['source']) or '∅'} {arrow} "
                          f"{','.join(g['target']) or '∅'}", highlight=False)
            for p in e["predicted"]:
                console.print(fmt_pred(p), highlight=False)
            if not e["predicted"]:
                console.print("  [red]pred[/red] (no event)", highlight=False)
        else:
            console.print(f"[bold]{e['article']}[/bold]", highlight=False)
            for g in e["missed"]:
                console.print(f"  [yellow]missed[/yellow] {g['event']}/{g.get('mode') or '-'} {', '.join(g['source'])} "
                              f"{'⇄' if g['symmetric'] else '→'} {', '.join(g['target']) or '∅'} ({g['date']}, "
                              f"{g['salience']})\n    [dim]{escape(g['evidence'])}[/dim]", highlight=False)
            for p in e["false"]:
                console.print(fmt_pred(p, "false") + f"\n    [dim]{escape(_norm_space(p.get('text')))}[/dim]",
                              highlight=False)
            for w in e["wrong_date"]:
                console.print(f"  [magenta]date[/magenta] {w['gold']['event']}: gold {w['gold']['date']}, "
                              f"predicted {w['predicted']['date']}", highlight=False)
            if e.get("coding_error"):
                console.print(f"  [red]coding error[/red] {escape(e['coding_error'])}", highlight=False)


def print_report(report: dict[str, Any], console, errors: bool = False) -> None:
    console.print(category_table(report))
    console.print(confusion_table(report))
    console.print(summary_table(report))
    if errors:
        print_errors(report, console)
