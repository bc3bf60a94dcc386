"""`alerts` as one self-contained HTML page: the report's stylesheet (report/html_style), no
script, no external reference, every user text escaped (report/html_parts.esc). The counts per
severity as cards, then one table in the terminal's order; 逾期 rows are shaded, on screen
and on paper. The 上级组织 column is left out when every branch has the same one (said once
above the table), as is the start all branch names share (市发展和改革委员会), as the terminal
does."""

from __future__ import annotations

from collections import Counter

from ..engine.alert_rows import SEVERITY_NAMES, SEVERITY_RANK, BranchAlert
from .alerts_base import AlertOptions, cells, tally, title
from .report.html_parts import esc
from .report.html_report import common_prefix
from .report.html_style import CSS

HEADER = ["程度", "日期", "支部", "上级组织", "事项", "说明"]
ORDER = (0, 1, 3, 2, 4, 5)  # alerts_base.cells' positions, in this page's column order
PARENT = 3  # the 上级组织 column, in this page's order
EXTRA_CSS = """\
.sev{display:inline-block;padding:0 8px;border-radius:4px;font-size:12.5px;font-weight:600;
line-height:1.7;white-space:nowrap;border:1px solid currentColor}
.sev-overdue{color:var(--missed)}.sev-urgent{color:var(--partial)}.sev-reminder{color:#1f4e99}
.alerts td.day{white-space:nowrap;font-variant-numeric:tabular-nums}
.alerts td.kind{white-space:nowrap}
.alerts td.branch{min-width:10em}
.alerts td.parent{min-width:7em}
.tablewrap.alerts{margin-top:14px}
.alerts tbody tr.overdue td{background:#fdecea}
.lede.scope{margin:12px 0 8px}
.card.overdue b{color:var(--missed)}.card.urgent b{color:var(--partial)}
@media print{
.alerts tbody tr.overdue td{background:#fdecea;-webkit-print-color-adjust:exact;
print-color-adjust:exact}
.sev{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.cards{grid-template-columns:repeat(4,1fr)}
}
"""


def _cards(rows: list[BranchAlert]) -> str:
    counts = Counter(row.severity for row in rows)
    items: list[tuple[str, str, str]] = [
        (severity, f"{counts[severity]}项", name)
        for severity, name in sorted(SEVERITY_NAMES.items(), key=lambda s: SEVERITY_RANK[s[0]])
    ]
    items.append(("branches", f"{len({row.branch_id for row in rows})}个", "涉及支部"))
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card {key}"><b>{esc(figure)}</b><span>{esc(label)}</span></div>'
            for key, figure, label in items
        )
        + "</div>\n"
    )


def _table(rows: list[BranchAlert], options: AlertOptions, keep: list[int], prefix: str) -> str:
    classes = {1: "day", 2: "branch", 3: "parent", 4: "kind"}
    head = "".join(f"<th>{esc(HEADER[i])}</th>" for i in keep)
    body = []
    for row in rows:
        values = cells(row, options.as_of.year)
        shown = [values[i] for i in ORDER]
        shown[2] = shown[2].removeprefix(prefix) or shown[2]
        tds = []
        for i in keep:
            text = esc(shown[i])
            if i == 0:
                text = f'<span class="sev sev-{row.severity}">{text}</span>'
            cls = f' class="{classes[i]}"' if i in classes else ""
            tds.append(f"<td{cls}>{text}</td>")
        body.append(f'<tr class="{row.severity}">' + "".join(tds) + "</tr>")
    return (
        f'<div class="tablewrap alerts"><table><thead><tr>{head}</tr></thead>'
        "<tbody>\n" + "\n".join(body) + "\n</tbody></table></div>\n"
    )


class HtmlAlerts:
    needs_output = True

    def render(self, rows: list[BranchAlert], options: AlertOptions) -> str:
        heading, _, scope = title(options).partition("（")
        scope = scope.removesuffix("）")
        parents = sorted({row.parent for row in rows})
        keep = [i for i in range(len(HEADER)) if i != PARENT or len(parents) > 1]
        # The organisation's name every branch name starts with is said once, above the table.
        prefix = common_prefix(sorted({row.branch_name for row in rows}))
        out = [
            '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title(options))}</title>\n<style>\n{CSS}{EXTRA_CSS}</style>\n"
            "</head>\n<body>\n<main>\n"
            f'<header class="top"><h1>{esc(heading)}</h1>'
            f'<p class="lede">{esc(scope)}</p></header>\n'
        ]
        if rows:
            out.append(_cards(rows))
            said = [f"上级组织：{parents[0]}"] if len(parents) == 1 else []
            if prefix:
                said.append(f"支部名称省略共同的“{prefix}”")
            if said:
                out.append(f'<p class="lede scope">{esc("；".join(said))}</p>\n')
            out.append(_table(rows, options, keep, prefix))
        else:
            out.append(f"<p>{esc(tally(rows))}。</p>\n")
        out.append("<footer>由 branchcheck 生成</footer>\n</main>\n</body>\n</html>\n")
        return "".join(out)
