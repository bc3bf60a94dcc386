"""The 整改通知书: one branch's failing and partial norms (and its open rectification items),
each with its problem, basis, requirement and deadline, as a document an office sends."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...cn_dates import cn_date
from ...models import checks as c
from ...models.result import NormResult, Result
from ...models.rubric import Norm, Rubric, Standard
from ..escape import number
from ..prose import and_list, norm_label, period_name
from ..rubric_words import check_text
from .document import Block, Document, heading1, heading2, paragraph


@dataclass(frozen=True)
class OpenItem:
    """A rectification item still open (整改未销号), as the ledger will record it."""

    norm: str  # the norm id it was found against
    problem: str
    due: dt.date


# Checks whose 对照表 wording is a ledger key or a rating scale, not something to do: the
# rubric's own requirement (or its work norm's) says what must be done instead.
_WORDED_ELSEWHERE = (c.FactCheck, c.RatingCheck)
_LEDGER_NOTE = re.compile(r"（[^（）]*(?:台账|考核人|视为)[^（）]*）")
_NOT_TASKS = ("否决", "本工具", "本表")  # clauses on scoring, not on what to do
# What to make good, after the rule itself.
_MAKE_GOOD: dict[type, str] = {
    c.DuesCheck: "；督促未按月交纳的党员补交",
    c.TrainingCheck: "；未达到学时要求的抓紧补足",
    c.TalksCheck: "；未开展的谈心谈话及时补上",
}
_ISSUER_NOTE = re.compile(r"（[^（）]*）$")


def sentence(text: str) -> str:
    """The text as a sentence: ends with 。 (not doubled after other closing marks)."""
    text = text.strip()
    return text if text.endswith(("。", "！", "？")) else f"{text}。"


def issuer_of(rubric: Rubric, given: str | None, parent: str | None = None) -> str | None:
    """`--issuer`, else the rubric's issuer without its note (`中共兰州市委直属机关工委`),
    else the branch's higher organisation: an issuer that only says what the rubric was
    modelled on (`参照…`) is no sender."""
    if given and given.strip():
        return given.strip()
    name = _ISSUER_NOTE.sub("", rubric.issuer.strip()) if rubric.issuer else ""
    if name and not name.startswith("参照"):
        return name
    return parent.strip() if parent and parent.strip() else None


def requirement_text(norm: Norm, standard: Standard | None, rubric: Rubric) -> str:
    """What must be done: the check in the 对照表's words (`每月至少召开1次支委会`) and what to
    make good; for a fact or a rating, the norm's requirement without its notes on the ledger
    or on scoring, else its work norm's."""
    k = norm.check
    if isinstance(k, c.DuesGapCheck):  # the 对照表 states a condition; here it is a task
        return (
            f"查明有关党员连续{k.months}个月以上未交纳党费的原因，有正当理由的在台账中记录原因"
            "和处理（缓交），无正当理由的按照党章第九条规定处置"
        )
    if not isinstance(k, _WORDED_ELSEWHERE):
        rule = check_text(norm, rubric).split("；次年")[0]  # the grace days are a scoring note
        if isinstance(k, c.DuesCheck) and k.in_full:
            return rule + "；督促未按月足额交纳的党员补交"
        return rule + _MAKE_GOOD.get(type(k), "")
    for text in (norm.requirement, standard.requirement if standard else None):
        if text and not text.startswith("由考核人"):
            cleaned = "；".join(
                part
                for part in _LEDGER_NOTE.sub("", text).split("；")
                if not any(note in part for note in _NOT_TASKS)
            ).strip("；")
            if cleaned:
                return cleaned
    return f"按照《{rubric.name}》要求做好“{norm.name}”工作"


def basis_text(norm: Norm, standard: Standard | None, rubric: Rubric) -> str:
    """The norm's `basis` (else its work norm's) where it cites a document (`《…》`); a basis
    that only notes where the rubric took the item from (`本验收表原文`) gives way to the
    rubric itself."""
    for basis in (norm.basis, standard.basis if standard else None):
        if basis and "《" in basis:
            return basis
    return f"《{rubric.name}》"


def problem_text(result: NormResult) -> str:
    """What the record shows (the score's own wording) and what it cost."""
    text = result.detail.rstrip("。")
    lost = round(result.points - result.earned, 2)
    if lost > 0 and "扣" not in text:
        text += f"，扣{number(lost)}分"
    return sentence(text)


def to_fix(result: Result) -> list[NormResult]:
    """Norms to rectify: missed or partial, bonus norms aside; vetoes first, then the costliest,
    rubric order among equals."""
    found = [
        n for n in result.norms if n.status in ("missed", "partial") and not n.bonus and n.detail
    ]
    return sorted(found, key=lambda n: (not (n.veto and n.status == "missed"), -n.deduction))


def norm_title(norm_id: str, name: str, veto: bool = False) -> str:
    """`N17（按月交纳党费）`, `N18（发展党员程序规范，否决项）`."""
    label = norm_label(norm_id, name)
    return f"{label[:-1]}，否决项）" if veto else label


def _item_blocks(
    index: int, title: str, problem: str, basis: str, requirement: str, due: str
) -> list[Block]:
    return [
        heading2(index, title),
        paragraph(problem, "问题："),
        paragraph(sentence(basis), "依据："),
        paragraph(sentence(requirement), "整改要求："),
        paragraph(due, "整改时限："),
    ]


def build_letter(
    result: Result,
    rubric: Rubric,
    as_of: dt.date,
    deadline: dt.date,
    issuer: str | None = None,
    open_items: tuple[OpenItem, ...] = (),
) -> Document:
    """The 整改通知书 for one scored branch, dated `as_of`, due by `deadline`."""
    places: dict[str, tuple[Standard | None, Norm]] = {
        norm.id: (std, norm) for _, std, norm, _ in rubric.placed
    }
    branch = result.branch.name
    signer = issuer_of(rubric, issuer, result.branch.parent)
    due = f"{cn_date(deadline)}前"
    fixes = to_fix(result)
    names = {n.id: n.name for n in result.norms}
    blocks: list[Block] = [paragraph(opening(result, rubric, len(fixes), len(open_items)))]
    section = 0
    if fixes:
        section += 1
        blocks.append(heading1(section, "存在的问题和整改要求"))
        for i, norm in enumerate(fixes, 1):
            std, rule = places[norm.id]
            title = norm_title(norm.id, norm.name, norm.veto)
            blocks += _item_blocks(
                i,
                title,
                problem_text(norm),
                basis_text(rule, std, rubric),
                requirement_text(rule, std, rubric),
                due,
            )
    if open_items:
        section += 1
        blocks.append(heading1(section, "前次检查发现、尚未整改销号的问题"))
        for i, item in enumerate(sorted(open_items, key=lambda o: (o.due, o.norm)), 1):
            placed = places.get(item.norm)
            item_std, item_rule = placed if placed else (None, None)
            late = item.due < as_of
            when = (
                f"原定{cn_date(item.due)}前完成，已逾期，请于{due}完成"
                if late
                else f"{cn_date(item.due)}前"
            )
            title = norm_title(item.norm, names.get(item.norm, item.norm))
            blocks += _item_blocks(
                i,
                title,
                sentence(item.problem),
                basis_text(item_rule, item_std, rubric) if item_rule else f"《{rubric.name}》",
                requirement_text(item_rule, item_std, rubric)
                if item_rule
                else "按期完成整改并销号",
                when,
            )
    section += 1
    blocks.append(heading1(section, "有关要求"))
    blocks += closing(result, deadline, signer)
    return Document(
        title=f"关于{branch}党建工作整改的通知",
        title_break=len(f"关于{branch}"),
        addressee=f"{branch}：",
        blocks=tuple(blocks),
        signature=signer,
        date=cn_date(as_of),
    )


def opening(result: Result, rubric: Rubric, problems: int, items: int) -> str:
    period = period_name(result.period.start, result.period.end)
    text = (
        f"根据《{rubric.name}》，对你支部{period}党建工作进行了考评，"
        f"总分{number(result.score)}分，评定为{result.tier.name}。"
    )
    names = {n.id: n.name for n in result.norms}
    if result.vetoes:
        vetoes = and_list([norm_label(v, names.get(v, v)) for v in result.vetoes])
        text += f"否决项{vetoes}未达标。"
    found = []
    if problems:
        found.append(f"本次考评发现问题{problems}项")
    if items:
        found.append(f"前次检查发现的问题尚有{items}项未整改销号")
    if not found:
        return text + "本次考评未发现需要整改的问题，请继续保持。"
    return text + f"{'，'.join(found)}。现将有关问题和整改要求通知如下，请认真抓好整改。"


def closing(result: Result, deadline: dt.date, signer: str | None) -> list[Block]:
    to = signer or "上级党组织"
    return [
        paragraph(
            "支部书记要履行第一责任人职责，逐项制定整改措施，明确责任人和完成时限，"
            "建立整改台账，做到整改一项、销号一项。",
            "1.高度重视，逐项整改。",
        ),
        paragraph(
            f"整改完成后，请于{cn_date(deadline)}前将整改报告及相关台账资料报送{to}。"
            "整改报告应逐项说明问题、整改措施、完成情况和佐证材料。",
            "2.按期报送整改报告。",
        ),
        paragraph(
            "整改情况将作为下一轮互查考评的重点检查内容，对整改不到位、问题反复出现的，予以通报。",
            "3.加强督促检查。",
        ),
    ]
