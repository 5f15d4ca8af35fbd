"""What is left undone when an agency submits or the office publishes: counted, said before the button, and
confirmed by a required checkbox (a plain form, no script); the server refuses the action unconfirmed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from par_cli.serve.form_model import Form
    from par_cli.serve.records import AgencyRecord

CONFIRM = "confirm"  # the checkbox's name: its value is what was confirmed (`2/1`: unanswered/errors)


@dataclass(frozen=True)
class Pending:
    """An agency's form as it stands: the criteria it can answer and has not (not the survey's, which the office
    adds; not those declared not applicable), and its errors (a file `par check` refuses)."""

    unanswered: int
    errors: int

    def __bool__(self) -> bool:
        return bool(self.unanswered or self.errors)

    @property
    def kind(self) -> str:
        """Which words say it: `both`, `unanswered` or `errors` (`serve.pending-*`, `serve.confirm-*`)."""
        return "both" if self.unanswered and self.errors else "unanswered" if self.unanswered else "errors"

    @property
    def token(self) -> str:
        """What the checkbox confirms: submitting with these counts, not others found later."""
        return f"{self.unanswered}/{self.errors}"


def pending_of(form: Form | None, record: AgencyRecord) -> Pending:
    if form is None:  # a file that cannot be read as a form: its errors say why
        return Pending(0, max(record.errors, 1))
    unanswered = sum(
        1
        for field in form.fields
        if field.kind != "survey" and field.applicable and not field.na and not field.self_text.strip()
    )
    return Pending(unanswered, record.errors)


def confirmed(given: object, pending: Pending) -> bool:
    """Whether the form confirms submitting with what is pending now (nothing pending needs no confirmation)."""
    return not pending or given == pending.token
