"""What changed between two versions of a rubric (`branchcheck rubrics diff A B`).

Norms are matched by id first: the same id is the same norm, and a different name under it is
a rename (更名). Norms left over on both sides are then matched by name (the veto or bonus
mark ignored): the same name under a different id is a renumbering (编号变更). What is still
left over was added or removed. Matched norms are compared field by field: points, the
check's kind and each of its parameters (thresholds), scoring, veto, bonus, applicability
and where the norm sits. Dimensions, work norms and tiers are matched by id; the rubric's own
total, split, bonus cap, ratings and event types are compared too.

Pure: rubrics in, changes out; the wording is Chinese, each change also keyed for JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from pydantic import BaseModel

from .formats.escape import number
from .formats.labels import RUBRIC_VALUES
from .formats.prose import norm_label
from .formats.rubric_words import check_text
from .models.rubric import Deduct, Dimension, Norm, Rubric, Split, Standard, Tier

NONE = "（无）"
AREAS = ("标准", "维度", "工作规范", "考核项", "等次")


@dataclass(frozen=True)
class Change:
    """One difference. `key` is stable for machines (`norm.points`); the rest is for people."""

    area: str  # 标准, 维度, 工作规范, 考核项, 等次
    key: str
    id: str | None  # the norm, tier, dimension or work norm it concerns (the new id if both)
    subject: str  # N05（按期换届）, 标准化党支部, …
    what: str  # 新增, 删除, 更名, 编号变更, or the field's Chinese name: 分值, 最低分, …
    old: str
    new: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RubricDiff:
    old_id: str
    old_version: str
    new_id: str
    new_version: str
    changes: tuple[Change, ...]

    def of_norm(self, norm_id: str) -> list[Change]:
        return [c for c in self.changes if c.area == "考核项" and c.id == norm_id]

    def of_area(self, area: str) -> list[Change]:
        return [c for c in self.changes if c.area == area]


def field_name(model: type[BaseModel], name: str) -> str:
    """A field's Chinese name: its description up to the first 。 (models hold it once)."""
    info = model.model_fields.get(name)
    description = info.description if info is not None else None
    return description.split("。", 1)[0] if description else name


def show(value: Any) -> str:
    """A field's value as a person reads it: 3 not 3.0, 是/否, lists joined with 、."""
    if value is None:
        return NONE
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, str):
        return RUBRIC_VALUES.get(value, value)
    if isinstance(value, Deduct):
        return f"扣分制，每次扣{number(value.deduct)}分"
    if isinstance(value, BaseModel):
        fields = value.model_dump(by_alias=True, exclude_defaults=True)
        return "，".join(f"{field_name(type(value), k)} {show(v)}" for k, v in fields.items())
    if isinstance(value, dict):
        return "，".join(f"{k}: {show(v)}" for k, v in value.items()) or NONE
    if isinstance(value, list | tuple):
        return "、".join(show(v) for v in value) or NONE
    return str(value)


def diff(old: Rubric, new: Rubric) -> RubricDiff:
    changes = [
        *_rubric_fields(old, new),
        *_by_id("维度", "dimension", old.dimensions, new.dimensions, _dimension_fields),
        *_by_id("工作规范", "standard", _standards(old), _standards(new), _standard_fields),
        *_norms(old, new),
        *_by_id("等次", "tier", old.tiers, new.tiers, _tier_fields),
    ]
    if [t.id for t in old.tiers if t.id in {n.id for n in new.tiers}] != [
        t.id for t in new.tiers if t.id in {o.id for o in old.tiers}
    ]:
        changes.append(
            Change(
                "等次", "tier.order", None, "等次顺序", "顺序",
                " < ".join(t.name for t in old.tiers), " < ".join(t.name for t in new.tiers),
            )
        )  # fmt: skip
    return RubricDiff(old.id, old.version, new.id, new.version, tuple(changes))


# --- the rubric itself ---------------------------------------------------------------------

_RUBRIC_FIELDS = ("id", "name", "version", "total", "bonus_cap")


def _rubric_fields(old: Rubric, new: Rubric) -> Iterable[Change]:
    for name in _RUBRIC_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            yield Change(
                "标准", f"rubric.{name}", None, "全表", field_name(Rubric, name), show(a), show(b)
            )
    split_old = old.split.model_dump() if old.split else {}
    split_new = new.split.model_dump() if new.split else {}
    for part in ("common", "individual"):
        a, b = split_old.get(part), split_new.get(part)
        if a != b:
            what = field_name(Split, part)
            yield Change("标准", f"rubric.split.{part}", None, "全表", what, show(a), show(b))
    for level in dict.fromkeys([*old.ratings, *new.ratings]):
        a, b = old.ratings.get(level), new.ratings.get(level)
        if a != b:
            what = f"评价等次“{level}”得分比例"
            yield Change("标准", "rubric.ratings", None, "全表", what, show(a), show(b))
    gone = [e for e in old.events if e not in new.events]
    added = [e for e in new.events if e not in old.events]
    if gone or added:
        yield Change(
            "标准", "rubric.events", None, "全表", field_name(Rubric, "events"),
            show(gone) if gone else NONE, show(added) if added else NONE,
        )  # fmt: skip


# --- dimensions, work norms and tiers, by id --------------------------------------------------


def _standards(rubric: Rubric) -> list[Standard]:
    return [std for _, std in rubric.standards]


def _by_id(
    area: str,
    key: str,
    old: Sequence[Any],
    new: Sequence[Any],
    fields: Any,
) -> Iterable[Change]:
    olds = {item.id: item for item in old}
    news = {item.id: item for item in new}
    for item in old:
        if item.id not in news:
            yield Change(area, f"{key}.removed", item.id, _label(item), "删除", _label(item), NONE)
    for item in new:
        before = olds.get(item.id)
        if before is None:
            yield Change(area, f"{key}.added", item.id, _label(item), "新增", NONE, _label(item))
        else:
            yield from fields(before, item)


def _label(item: Dimension | Standard | Tier) -> str:
    """A work norm by id and name (G07（换届选举）), a dimension or a tier by its name."""
    return f"{item.id}（{item.name}）" if isinstance(item, Standard) else item.name


def _renamed(area: str, key: str, old: Any, new: Any) -> Iterable[Change]:
    if old.name != new.name:
        yield Change(area, f"{key}.renamed", new.id, _label(new), "更名", old.name, new.name)


def _dimension_fields(old: Dimension, new: Dimension) -> Iterable[Change]:
    yield from _renamed("维度", "dimension", old, new)


def _standard_fields(old: Standard, new: Standard) -> Iterable[Change]:
    yield from _renamed("工作规范", "standard", old, new)


_TIER_FIELDS = ("min_score", "veto_free", "min_dimension_ratio", "min_common_ratio", "requires")


def _tier_fields(old: Tier, new: Tier) -> Iterable[Change]:
    yield from _renamed("等次", "tier", old, new)
    for name in _TIER_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            what = field_name(Tier, name)
            yield Change("等次", f"tier.{name}", new.id, new.name, what, show(a), show(b))


# --- norms ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    norm: Norm
    dimension: Dimension
    standard: Standard | None


def _placed(rubric: Rubric) -> dict[str, _Placed]:
    return {norm.id: _Placed(norm, dim, std) for dim, std, norm, _ in rubric.placed}


def _plain_name(norm: Norm) -> str:
    return norm_label("", norm.name)[1:-1]  # the name without its veto/bonus mark


def match_norms(old: Rubric, new: Rubric) -> list[tuple[Norm | None, Norm | None]]:
    """(old, new) pairs: by id, then the rest by name; unmatched sides are None."""
    olds, news = _placed(old), _placed(new)
    pairs: list[tuple[Norm | None, Norm | None]] = [
        (olds[i].norm, news[i].norm) for i in news if i in olds
    ]
    left_old = [p.norm for i, p in olds.items() if i not in news]
    left_new = [p.norm for i, p in news.items() if i not in olds]
    by_name = {_plain_name(n): n for n in left_old}
    for norm in left_new:
        twin = by_name.pop(_plain_name(norm), None)
        pairs.append((twin, norm))
    taken = {id(a) for a, _ in pairs if a is not None}
    pairs += [(n, None) for n in left_old if id(n) not in taken]
    return pairs


def _norms(old: Rubric, new: Rubric) -> Iterable[Change]:
    olds, news = _placed(old), _placed(new)
    for a, b in match_norms(old, new):
        if b is None:
            assert a is not None
            label = norm_label(a.id, a.name)
            yield Change("考核项", "norm.removed", a.id, label, "删除", _norm_line(a, old), NONE)
            continue
        label = norm_label(b.id, b.name)
        if a is None:
            yield Change("考核项", "norm.added", b.id, label, "新增", NONE, _norm_line(b, new))
            continue
        if a.id != b.id:
            yield Change("考核项", "norm.renumbered", b.id, label, "编号变更", a.id, b.id)
        elif a.name != b.name:
            yield Change("考核项", "norm.renamed", b.id, label, "更名", a.name, b.name)
        yield from _norm_fields(a, b, label, old, new)
        pa, pb = olds[a.id], news[b.id]
        if pa.dimension.id != pb.dimension.id:
            what = "所属维度"
            yield Change(
                "考核项", "norm.dimension", b.id, label, what,
                _label(pa.dimension), _label(pb.dimension),
            )  # fmt: skip
        sa = pa.standard.id if pa.standard else None
        sb = pb.standard.id if pb.standard else None
        if sa != sb:
            yield Change("考核项", "norm.standard", b.id, label, "所属工作规范", show(sa), show(sb))


def _norm_line(norm: Norm, rubric: Rubric) -> str:
    marks = "，一票否决" if norm.veto else ("，加分项" if norm.bonus else "")
    return f"{number(norm.points)}分{marks}：{check_text(norm, rubric)}"


_NORM_FIELDS = ("points", "scoring", "veto", "bonus", "when", "requirement", "basis")


def _norm_fields(a: Norm, b: Norm, label: str, old: Rubric, new: Rubric) -> Iterable[Change]:
    for name in _NORM_FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            what = field_name(Norm, name)
            yield Change("考核项", f"norm.{name}", b.id, label, what, show(x), show(y))
    if a.check.kind != b.check.kind:
        what = "检查方法"
        yield Change(
            "考核项", "norm.check.kind", b.id, label, what,
            check_text(a, old), check_text(b, new),
        )  # fmt: skip
        return
    before = a.check.model_dump()
    after = b.check.model_dump()
    for name in after:
        if before.get(name) != after[name]:
            what = field_name(type(b.check), name)
            yield Change(
                "考核项", f"norm.check.{name}", b.id, label, what,
                show(before.get(name)), show(after[name]),
            )  # fmt: skip
