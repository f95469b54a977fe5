"""Letters before they are printed: a typed template's preview for one person and a batch's plan (its letters
and who it skips), without writing anything. Uses the letters service's own merging, so a preview is exactly
the letter that will be printed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from coop_desk.documents.letters import MergedLetter
from coop_desk.services import access, cooperative, letters
from coop_desk.services.context import ServiceContext
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.errors import ValidationError
from coop_desk.services.letters import Recipient, TemplateView


@dataclass(frozen=True)
class PreviewSubject:
    """The person a template preview is for, as a letter recipient (None: no address), and the letterhead."""

    person_id: int
    audience: str
    recipient: Recipient | None
    coop: CooperativeDetails


@dataclass(frozen=True)
class BatchPlan:
    """The letters a batch will hold (in print order), who they go to, and who is skipped for lack of an address."""

    template: TemplateView
    recipients: tuple[Recipient, ...]
    letters: tuple[MergedLetter, ...]
    skipped: tuple[str, ...]
    coop: CooperativeDetails


def preview_subject(ctx: ServiceContext, person_id: int, audience: str) -> PreviewSubject:
    """The recipient for a one-letter preview: the person, or (household templates) their whole household."""
    access.require(ctx, access.LETTERS_READ)
    with ctx.uow() as session:
        target = "households" if audience == "household" else f"person:{person_id}"
        people, _skipped = letters._resolve(session, target, ctx.today(), audience, False)
        if audience == "household":
            people = [r for r in people if person_id in r.person_ids]
            if not people:  # not a member: their address on its own
                people, _skipped = letters._resolve(session, f"person:{person_id}", ctx.today(), audience, False)
        coop = cooperative.details_in(session)
    return PreviewSubject(person_id, audience, people[0] if people else None, coop)


def preview_letter(
    ctx: ServiceContext, draft: TemplateView, subject: PreviewSubject, extras: Mapping[str, str]
) -> MergedLetter:
    """The draft (as typed, not saved) merged for one recipient. Raises ValidationError as ``letters.merge``."""
    access.require(ctx, access.LETTERS_READ)
    if subject.recipient is None:
        raise ValidationError({"recipients": "Deze persoon heeft geen adres; kies iemand anders voor het voorbeeld."})
    return letters._merge(draft, [subject.recipient], extras, subject.coop, ctx.today())[0]


def plan_batch(
    ctx: ServiceContext, template_key: str, target: str, extras: Mapping[str, str], sort_by_postcode: bool
) -> BatchPlan:
    """Everything ``make_letter_batch`` would print for these choices, without printing or logging it.

    Raises NotFoundError and ValidationError exactly like ``make_letter_batch``.
    """
    access.require(ctx, access.LETTERS_PRINT)
    template = letters.get_template(ctx, template_key)
    with ctx.uow() as session:
        people, skipped = letters._resolve(session, target, ctx.today(), template.audience, sort_by_postcode)
        coop = cooperative.details_in(session)
    if not people:
        raise ValidationError({"target": "Er is niemand (met een bekend adres) om deze brief naar te sturen."})
    merged = letters._merge(template, people, extras, coop, ctx.today())
    return BatchPlan(template, tuple(people), tuple(merged), tuple(skipped), coop)


def draft_view(stored: TemplateView, name: str, subject: str, body: str, extra_fields: tuple[str, ...]) -> TemplateView:
    """The stored template with the typed texts in it, for previewing before saving."""
    return replace(stored, name=name, subject=subject, body=body, extra_fields=extra_fields)
