"""The building blocks every film model shares: cleaned strings, counts, partial dates,
and the strict, closed, immutable base model. Shared by schema 2 and schema 1.

No textual import here; a test proves it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import core_schema

from lvtui.text.clean import clean


def _clean_not_blank(value: str) -> str:
    # One validator, not two in a row: every name in a film passes through it.
    value = clean(value)
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(clean)]
"""Any cleaned string; may be empty."""

Name = Annotated[str, AfterValidator(_clean_not_blank)]
"""A cleaned string with something visible in it."""

Count = Annotated[int, Field(ge=0)]

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_EXPECTED = "expected an ISO 8601 date string: YYYY, YYYY-MM or YYYY-MM-DD"
Precision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, a month or a day: "April 1994" never becomes 1994-04-01.

    Written in JSON as ISO 8601 of its own precision: "1990", "1994-04", "1995-10-27".
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Orders a year before its months, and a month before its days."""
        return (self.year, self.month or 0, self.day or 0)

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        match = _ISO_PARTIAL.fullmatch(value)  # not match: its $ allows a final line break
        if match is None:
            raise ValueError(_ISO_EXPECTED)
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None  # the pattern always captures a year
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is not between 01 and 12")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"day {day} is not in {calendar.month_name[month]} {year}")
        return cls(year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def as_year_fraction(self) -> float:
        """Position on a time axis: the middle of the period the date names."""
        if self.month is None:
            return self.year + 0.5
        days_in_month = calendar.monthrange(self.year, self.month)[1]
        day = self.day - 0.5 if self.day is not None else days_in_month / 2
        return self.year + (self.month - 1) / 12 + day / days_in_month / 12

    @classmethod
    def _validate(cls, value: object) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if not isinstance(value, str):
            raise ValueError(_ISO_EXPECTED)
        return cls.parse(value)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # One plain validator, so an error names the field itself, not a union branch.
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            json_schema_input_schema=core_schema.str_schema(pattern=_ISO_PARTIAL.pattern),
            serialization=core_schema.to_string_ser_schema(),
        )


class Model(BaseModel):
    """Base of every film model: strict, closed and immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)
