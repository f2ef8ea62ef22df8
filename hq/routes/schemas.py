"""The JSON request bodies of HQ's API (pydantic models; their class names are the
OpenAPI schema names)."""

from __future__ import annotations

from pydantic import BaseModel, Field, StrictInt


class EnrollRequest(BaseModel):
    pairing_code: str = Field(min_length=1, max_length=64, examples=["ABCD-2345"])
    device_name: str = Field(default="", max_length=200)


class StoreRequest(BaseModel):
    store_id: str = Field(min_length=1, max_length=32, examples=["S001"])
    name: str = Field(min_length=1, max_length=200)
    address: str = Field(default="", max_length=500)
    tax_id: str = Field(default="", max_length=16)


class PairingRequest(BaseModel):
    store_id: str = Field(min_length=1, max_length=32)
    terminal_id: str | None = Field(default=None, max_length=32)
    ttl_hours: float = Field(default=24, gt=0, le=24 * 30)


class AllowanceRequest(BaseModel):
    member_id: str = Field(min_length=1, max_length=64)
    terminal: str = Field(min_length=3, max_length=65, examples=["S001/T01"])
    points: StrictInt = 0
    stored_value: StrictInt = 0
    hours: float = Field(default=24, gt=0)


class CouponRequest(BaseModel):
    terms: str = Field(min_length=1, max_length=64, examples=["DAIRY15"])
    member_id: str | None = Field(default=None, max_length=64)
    days: StrictInt = 30


class CouponBatchRequest(BaseModel):
    terms: str = Field(min_length=1, max_length=64)
    filter: str = Field(min_length=1, max_length=200,
                        examples=["tier=gold", "bought=D0001:2026-11-01:2026-11-30"])
    days: StrictInt = 30


class MemberUpdateRequest(BaseModel):
    tier: str | None = Field(default=None, max_length=32)
    name: str | None = Field(default=None, max_length=100)
    birthday: str | None = Field(default=None, max_length=10)


class UserRequest(BaseModel):
    """Create or update a staff user; a field left out keeps its value (a new user needs
    name, role and pin). ``card_code: null`` removes the card; ``stores: null`` or
    ``"all"`` means every store."""

    user_id: str = Field(min_length=1, max_length=32, examples=["C001"])
    name: str | None = Field(default=None, max_length=100, examples=["王小明"])
    role: str | None = Field(default=None, examples=["cashier"])
    pin: str | None = Field(default=None, max_length=64, examples=["1234"])
    card_code: str | None = Field(default=None, max_length=64, examples=["STAFF0001"])
    discount_limit: StrictInt | None = Field(default=None, examples=[10])
    stores: list[str] | str | None = Field(default=None, examples=[["S001", "S002"]])


class PinRequest(BaseModel):
    pin: str = Field(min_length=1, max_length=64, examples=["5678"])
