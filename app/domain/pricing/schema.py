"""Parse and validate HQ's pricing documents (JSON schema version 1, docs/pricing.md).

A batch holds price lists, promotions and coupons. It is all-or-nothing: every
document is checked, and if anything is wrong one ``PricingSchemaError`` is raised
that names the field path and the document id of the first problem (all problems
are in ``.errors``); otherwise the parsed, immutable objects are returned.
Unknown fields are errors too, so a typo such as ``"precent"`` cannot pass silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.pricing import fields as f
from app.domain.pricing.fields import Invalid, Obj
from app.domain.pricing.model import (
    ALWAYS,
    SCHEMA_VERSION,
    AmountOff,
    Bundle,
    BuyGet,
    Coupon,
    MixMatch,
    Offer,
    PercentOff,
    PriceEntry,
    PriceList,
    Promotion,
    SpendThreshold,
    Target,
)


class PricingSchemaError(ValueError):
    """A pricing batch broke the schema; ``path``/``doc_id`` locate the first problem."""

    def __init__(self, errors: list[tuple[str, str | None, str]]) -> None:
        self.errors = [_fmt(*e) for e in errors]
        self.path, self.doc_id, _ = errors[0]
        more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(self.errors[0] + more)


def _fmt(path: str, doc_id: str | None, message: str) -> str:
    where = f" (document {doc_id!r})" if doc_id else ""
    return f"{path}: {message}{where}"


@dataclass(frozen=True, slots=True)
class PricingBundle:
    """One parsed batch: price lists, promotions and coupons, in document order."""

    price_lists: tuple[PriceList, ...] = ()
    promotions: tuple[Promotion, ...] = ()
    coupons: tuple[Coupon, ...] = ()

    @property
    def price_entries(self) -> tuple[PriceEntry, ...]:
        """All entries of all lists (feed the cart's skus to ``price_cart``)."""
        return tuple(e for pl in self.price_lists for e in pl.entries)


# ------------------------------------------------------------------- documents

_COMMON = frozenset(
    {
        "id", "name", "description", "kind", "priority", "exclusive", "window", "stores",
        "members_only", "tiers", "max_per_sale", "max_per_customer",
    }
)  # fmt: skip
_KIND_FIELDS: dict[str, frozenset[str]] = {
    "percent_off": frozenset({"target", "percent"}),
    "amount_off": frozenset({"target", "amount"}),
    "bundle": frozenset({"items", "price"}),
    "mix_match": frozenset({"target", "qty", "price"}),
    "buy_get": frozenset({"buy", "get", "percent"}),
    "spend_threshold": frozenset({"target", "threshold", "amount", "percent", "repeat"}),
}


def _bundle_item(value: Any, path: str) -> tuple[str, int]:
    obj = Obj(value, path, frozenset({"sku", "qty"}))
    return obj.req("sku", f.text), obj.req("qty", f.count)


def _offer(kind: str, obj: Obj) -> Offer:
    if kind == "percent_off":
        return PercentOff(f.required_target(obj, "target"), obj.req("percent", f.percent))
    if kind == "amount_off":
        return AmountOff(f.required_target(obj, "target"), obj.req("amount", f.positive_money))
    if kind == "bundle":
        items = obj.req("items", f.list_of(_bundle_item, non_empty=True))
        skus = [sku for sku, _ in items]
        if len(set(skus)) != len(skus):
            raise Invalid(obj.at("items"), "lists a sku twice (use qty)")
        return Bundle(tuple(sorted(items)), obj.req("price", f.money))
    if kind == "mix_match":
        return MixMatch(
            f.required_target(obj, "target"), obj.req("qty", f.count), obj.req("price", f.money)
        )
    if kind == "buy_get":
        side = frozenset({"skus", "categories", "brands", "qty"})
        buy = Obj(obj.value.get("buy"), obj.at("buy"), side) if obj.has("buy") else None
        if buy is None:
            raise Invalid(obj.at("buy"), "missing required field")
        buy_target = f.target_fields(buy)
        if buy_target.empty:
            raise Invalid(buy.path, "must name at least one sku, category or brand")
        get = Obj(obj.value.get("get"), obj.at("get"), side) if obj.has("get") else None
        if get is None:
            raise Invalid(obj.at("get"), "missing required field")
        get_target = f.target_fields(get)
        return BuyGet(
            buy=buy_target,
            buy_qty=buy.req("qty", f.count),
            get=buy_target if get_target.empty else get_target,
            get_qty=get.req("qty", f.count),
            percent=obj.get("percent", f.percent, 100),
        )
    if kind == "spend_threshold":
        amount, percent = f.amount_or_percent(obj)
        repeat = obj.get("repeat", f.flag, False)
        if repeat and percent is not None:
            raise Invalid(obj.at("repeat"), "only an amount can repeat")
        return SpendThreshold(
            target=obj.get("target", f.target, Target()),
            threshold=obj.req("threshold", f.positive_money),
            amount=amount,
            percent=percent,
            repeat=repeat,
        )
    raise AssertionError(kind)


def _promotion(value: Any, path: str) -> Promotion:
    if not isinstance(value, Mapping):
        raise Invalid(path, "must be an object")
    kind = value.get("kind")
    if kind is None:
        raise Invalid(f"{path}.kind", "missing required field")
    if kind not in _KIND_FIELDS:
        known = ", ".join(_KIND_FIELDS)
        raise Invalid(f"{path}.kind", f"unknown kind {kind!r}; one of {known}")
    obj = Obj(value, path, _COMMON | _KIND_FIELDS[kind])
    promo_id = obj.req("id", f.text)
    name = obj.req("name", f.text)
    offer = _offer(kind, obj)
    return Promotion(
        id=promo_id,
        name=name,
        kind=kind,
        offer=offer,
        priority=obj.get("priority", f.priority, 0),
        exclusive=obj.get("exclusive", f.flag, False),
        window=obj.get("window", f.window, ALWAYS),
        stores=frozenset(obj.get("stores", f.texts, [])),
        members_only=obj.get("members_only", f.flag, False),
        tiers=frozenset(obj.get("tiers", f.texts, [])),
        max_per_sale=obj.get("max_per_sale", f.count, None),
        max_per_customer=obj.get("max_per_customer", f.count, None),
    )


def _coupon(value: Any, path: str) -> Coupon:
    allowed = frozenset(
        {
            "code", "name", "description", "amount", "percent", "max_discount", "min_spend",
            "target", "first_purchase_only", "exclude_promoted", "valid_from", "expires_at",
        }
    )  # fmt: skip
    obj = Obj(value, path, allowed)
    code = obj.req("code", f.text)
    name = obj.req("name", f.text)
    amount, percent = f.amount_or_percent(obj)
    if amount is not None and obj.has("max_discount"):
        raise Invalid(obj.at("max_discount"), "only applies to a percent coupon")
    valid_from = obj.get("valid_from", f.moment, None)
    expires_at = obj.get("expires_at", f.moment, None)
    f.ordered(valid_from, expires_at, obj.at("expires_at"), "valid_from")
    return Coupon(
        code=code,
        name=name,
        amount=amount,
        percent=percent,
        max_discount=obj.get("max_discount", f.positive_money, None),
        min_spend=obj.get("min_spend", f.money, 0),
        target=obj.get("target", f.target, Target()),
        first_purchase_only=obj.get("first_purchase_only", f.flag, False),
        exclude_promoted=obj.get("exclude_promoted", f.flag, False),
        valid_from=valid_from,
        expires_at=expires_at,
    )


def _price_entry(value: Any, path: str) -> tuple[str, int]:
    obj = Obj(value, path, frozenset({"sku", "price"}))
    return obj.req("sku", f.text), obj.req("price", f.money)


def _price_list(value: Any, path: str) -> PriceList:
    allowed = frozenset(
        {"id", "name", "description", "priority", "stores", "tier", "effective_from",
         "effective_to", "entries"}
    )  # fmt: skip
    obj = Obj(value, path, allowed)
    list_id = obj.req("id", f.text)
    starts = obj.get("effective_from", f.moment, None)
    ends = obj.get("effective_to", f.moment, None)
    f.ordered(starts, ends, obj.at("effective_to"), "effective_from")
    rows = obj.req("entries", f.list_of(_price_entry, non_empty=True))
    seen: set[str] = set()
    for i, (sku, _) in enumerate(rows):
        if sku in seen:
            raise Invalid(f"{obj.at('entries')}[{i}].sku", f"duplicate sku {sku!r}")
        seen.add(sku)
    stores = frozenset(obj.get("stores", f.texts, []))
    tier = obj.get("tier", f.text, None)
    priority = obj.get("priority", f.priority, 0)
    entries = tuple(
        PriceEntry(list_id, sku, price, stores, tier, starts, ends, priority) for sku, price in rows
    )
    return PriceList(id=list_id, name=obj.req("name", f.text), entries=entries)


_SECTIONS: dict[str, tuple[Callable[[Any, str], Any], str]] = {
    "price_lists": (_price_list, "id"),
    "promotions": (_promotion, "id"),
    "coupons": (_coupon, "code"),
}


def parse_documents(data: Mapping[str, Any]) -> PricingBundle:
    """Validate and parse a whole batch; raise ``PricingSchemaError`` on any problem."""
    if not isinstance(data, Mapping):
        raise PricingSchemaError([("$", None, "batch must be an object")])
    errors: list[tuple[str, str | None, str]] = []
    version = data.get("schema")
    if type(version) is not int or version != SCHEMA_VERSION:
        raise PricingSchemaError(
            [("schema", None, f"unsupported schema version {version!r}; expected {SCHEMA_VERSION}")]
        )
    for key in data:
        if key not in _SECTIONS and key not in ("schema", "meta"):
            errors.append((str(key), None, "unknown field"))
    parsed: dict[str, list[Any]] = {}
    for section, (read, id_key) in _SECTIONS.items():
        docs = data.get(section, [])
        if not isinstance(docs, list):
            errors.append((section, None, "must be a list"))
            continue
        seen: set[str] = set()
        out = parsed.setdefault(section, [])
        for i, doc in enumerate(docs):
            path = f"{section}[{i}]"
            doc_id = doc.get(id_key) if isinstance(doc, Mapping) else None
            doc_id = doc_id if isinstance(doc_id, str) else None
            try:
                out.append(read(doc, path))
            except Invalid as exc:
                errors.append((exc.path, doc_id, exc.message))
                continue
            if doc_id in seen:
                errors.append((f"{path}.{id_key}", doc_id, f"duplicate {id_key} {doc_id!r}"))
            seen.add(doc_id)  # type: ignore[arg-type]
    if errors:
        raise PricingSchemaError(errors)
    return PricingBundle(
        price_lists=tuple(parsed["price_lists"]),
        promotions=tuple(parsed["promotions"]),
        coupons=tuple(parsed["coupons"]),
    )
