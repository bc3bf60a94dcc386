"""The HTML report's look: its stylesheet and the tier colours shared by badges and charts."""

from __future__ import annotations

from itertools import pairwise

# Tier colours run from a quiet grey (the lowest tier) through amber to Party red (the highest).
_ANCHORS = ((0.0, (0x8D, 0x99, 0xAE)), (0.5, (0xE0, 0x9A, 0x2E)), (1.0, (0xB7, 0x1C, 0x1C)))


def _mix(position: float) -> tuple[int, int, int]:
    for (p0, c0), (p1, c1) in pairwise(_ANCHORS):
        if position <= p1:
            t = (position - p0) / (p1 - p0)
            return (
                round(c0[0] + (c1[0] - c0[0]) * t),
                round(c0[1] + (c1[1] - c0[1]) * t),
                round(c0[2] + (c1[2] - c0[2]) * t),
            )
    return _ANCHORS[-1][1]


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


def tier_colours(count: int) -> list[str]:
    """One colour per tier, lowest first."""
    if count <= 1:
        return [_hex(_ANCHORS[-1][1])]
    return [_hex(_mix(i / (count - 1))) for i in range(count)]


def tier_css(scope: str, count: int) -> str:
    return "".join(
        f"{scope} .tier-r{rank}{{--tier:{colour}}}\n"
        for rank, colour in enumerate(tier_colours(count))
    )


CSS = """\
:root{--ink:#1f2328;--muted:#5e6673;--line:#e2e5e9;--bg:#f4f5f7;--card:#fff;--accent:#b71c1c;
--head:#f6eeee;--met:#1e7b34;--partial:#9c5700;--missed:#b3261e;--unrated:#6a3fa0;--na:#6b7280}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.65 "PingFang SC",
"Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
"WenQuanYi Micro Hei",system-ui,sans-serif}
main{max-width:1180px;margin:0 auto;padding:36px 28px 64px}
a{color:#1f4e99;text-decoration:none}
a:hover{text-decoration:underline}
header.top{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:18px}
h1{font-size:28px;line-height:1.3;margin:0 0 6px;letter-spacing:.03em}
h2{font-size:21px;line-height:1.4;margin:44px 0 14px;padding-left:12px;
border-left:5px solid var(--accent)}
h3{font-size:16.5px;margin:30px 0 10px}
.lede{color:var(--muted);margin:0}
.warn{background:#fff4e5;border:1px solid #f0c36d;border-radius:8px;padding:8px 14px}
nav.toc ol{margin:0;padding-left:1.4em;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 18px}
.card b{display:block;font-size:28px;line-height:1.25;font-variant-numeric:tabular-nums}
.card span{color:var(--muted);font-size:13px}
.pair{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:14px;
align-items:start}
@media (max-width:900px){.pair{grid-template-columns:minmax(0,1fr)}}
figure{margin:0 0 12px;background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:12px;overflow-x:auto}
figcaption{color:var(--muted);font-size:13px;margin:0 4px 6px}
figure svg{display:block;max-width:100%;height:auto;margin:0 auto}
figure svg *{stroke-linejoin:round;stroke-linecap:butt}
.tablewrap{max-height:78vh;overflow:auto;background:var(--card);border:1px solid var(--line);
border-radius:10px}
.tablewrap.flat{max-height:none;border-radius:8px;margin-top:10px}
table{border-collapse:separate;border-spacing:0;width:100%;font-size:13.5px;line-height:1.5}
th,td{padding:6px 10px;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
thead th{position:sticky;top:0;z-index:1;background:var(--head);font-weight:600;
white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
tbody tr:hover{background:#fdf6e9}
tbody tr:last-child td{border-bottom:0}
.branches td:first-child,.flat td:first-child{white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.tier{display:inline-block;padding:0 9px;border-radius:999px;font-size:12.5px;line-height:1.7;
color:#fff;background:var(--tier,#8d99ae);white-space:nowrap}
.mark{display:inline-block;margin-left:6px;padding:0 6px;border-radius:4px;font-size:11.5px;
line-height:1.6;white-space:nowrap;border:1px solid currentColor}
.mark.veto{color:var(--missed)}
.mark.bonus{color:#1f4e99}
.st{font-weight:600;white-space:nowrap}
.st-met{color:var(--met)}.st-partial{color:var(--partial)}.st-missed{color:var(--missed)}
.st-unrated{color:var(--unrated)}.st-not_applicable{color:var(--na);font-weight:400}
details.branch{background:var(--card);border:1px solid var(--line);border-radius:10px;
margin:10px 0;scroll-margin-top:12px}
details.branch>summary{cursor:pointer;padding:10px 16px;display:flex;flex-wrap:wrap;gap:4px 12px;
align-items:center}
details.branch>summary .bid{color:var(--muted);font-family:ui-monospace,"SFMono-Regular",
Menlo,Consolas,monospace;font-size:13px}
details.branch>summary .bname{font-weight:600;font-size:16px}
details.branch>summary .bscore{margin-left:auto;font-size:20px;font-weight:700;
font-variant-numeric:tabular-nums}
details.branch .body{padding:4px 16px 16px;border-top:1px solid var(--line)}
details.branch:target{outline:2px solid var(--accent)}
dl.facts{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:2px 18px;
margin:12px 0}
@media (max-width:700px){dl.facts{grid-template-columns:max-content 1fr}}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.dims{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:4px 28px;
margin:6px 0 8px}
.dim{display:grid;grid-template-columns:10em 1fr 6em;align-items:center;gap:10px;font-size:13px}
.meter{height:8px;background:#eceef1;border-radius:4px;overflow:hidden}
.meter i{display:block;height:100%;border-radius:4px}
.meter.hi i{background:#3f8f4f}.meter.mid i{background:#e0a030}.meter.lo i{background:#c0392b}
ul.alerts{background:#fff8e6;border-left:4px solid #e0a030;border-radius:6px;margin:10px 0;
padding:8px 14px 8px 30px}
footer{color:var(--muted);font-size:12.5px;margin-top:56px;text-align:center}
@page{size:A4;margin:14mm 12mm 16mm}
@page wide{size:A4 landscape}
@media print{
:root{--line:#c9ced6}
html,body{background:#fff}
body{font-size:10pt;line-height:1.5;-webkit-print-color-adjust:economy;print-color-adjust:economy}
main{max-width:none;margin:0;padding:0}
a{color:inherit}
nav.toc{display:none}
h1{font-size:18pt}
h2{font-size:14pt;margin:0 0 8pt;break-after:avoid}
h3{font-size:11.5pt;margin:14pt 0 6pt;break-after:avoid}
section.rubric+section.rubric,#errors{break-before:page}
.card,figure,.tablewrap,details.branch,ul.alerts,.warn{background:#fff;box-shadow:none}
.cards{grid-template-columns:repeat(4,1fr);gap:6pt}
.card{padding:4pt 8pt;break-inside:avoid}
.card b{font-size:16pt}
.pair{grid-template-columns:minmax(0,1.1fr) minmax(0,1fr)}
figure{padding:0;border:0;break-inside:avoid;overflow:visible}
.tablewrap{max-height:none;overflow:visible;border-color:var(--line)}
table{font-size:8.5pt;line-height:1.4}
th,td{padding:3pt 5pt}
thead{display:table-header-group}
thead th{position:static;background:#f1f1f1;white-space:normal}
tbody tr:nth-child(even),tbody tr:hover{background:none}
tr{break-inside:avoid}
details.branch{break-before:page;border:0;border-radius:0;margin:0}
.wide{page:wide}
.branches .tier{white-space:nowrap}
h3+details.branch{break-before:auto}
details.branch>summary{list-style:none;padding:0 0 5pt;border-bottom:2px solid var(--accent)}
details.branch>summary::-webkit-details-marker{display:none}
details.branch::details-content{content-visibility:visible;display:block}
details.branch .body{border-top:0;padding:6pt 0 0}
details.branch:target{outline:0}
dl.facts{break-inside:avoid}
.dims{grid-template-columns:1fr 1fr;break-inside:avoid}
.tier,.mark,.meter,.meter i{-webkit-print-color-adjust:exact;print-color-adjust:exact}
footer{margin-top:14pt}
}
"""
