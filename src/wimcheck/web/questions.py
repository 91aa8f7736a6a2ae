"""The statement page and the end page of the questionnaire, as typed views."""

from __future__ import annotations

from wimcheck.assessment.questionnaire import Questionnaire
from wimcheck.i18n.language import use_language
from wimcheck.messages import t_for
from wimcheck.web.pages import Choice, DoneView, StatementView

__all__ = ["done_view", "statement_view"]


def statement_view(
    q: Questionnaire,
    csrf: str,
    resume_code: str,
    lang: str,
    error: str | None = None,
    *,
    announce_review: bool = False,
) -> StatementView:
    """The current statement of ``q`` with its scale and n/a, the answer so far checked.

    In the review of skipped statements the progress line says so; ``announce_review``
    (the first page of the review) adds how many were skipped and what to do, as
    ``assess`` says it on a terminal.
    """
    item = q.current
    assert item is not None
    easy = q.easy_read
    previous = q.current_answer()
    subject = q.framework.subject
    with use_language(lang):
        review_note = None
        if announce_review and q.in_review:
            review_note = t_for("serve.review", easy_read=easy, count=q.skipped_count)
        progress = t_for(
            "assess.progress.again" if q.in_review else "assess.progress",
            easy_read=easy,
            number=item.index + 1,
            total=len(q.items),
            area_number=item.area_number,
            areas=q.area_count,
            area=item.area.title.get(lang),
        )
        na_label = t_for(f"serve.na.{subject}", easy_read=easy)
        resume_note = t_for("serve.resume-note", easy_read=easy)
    choices = [
        Choice(
            str(value.value),
            f"{value.value} · {value.label.get(lang)}",
            value.descriptor.get(lang),
            previous == value.value,
        )
        for value in q.scale.values
    ]
    choices.append(Choice("na", na_label, "", previous == "n/a"))
    return StatementView(
        progress=progress,
        number=item.index + 1,
        total=len(q.items),
        competence=None if easy else item.competence.title.get(lang),
        text=" ".join(item.text.split()),
        scale_title=q.scale.title.get(lang),
        choices=tuple(choices),
        can_go_back=item.index > 0,
        csrf=csrf,
        pos=q.position,
        resume_note=resume_note,
        resume_code=resume_code,
        error=error,
        review_note=review_note,
    )


def done_view(q: Questionnaire, csrf: str, resume_code: str, lang: str) -> DoneView:
    """The end of the questionnaire: how many were answered, and the way to the result."""
    with use_language(lang):
        summary = t_for(
            "serve.done.summary", easy_read=q.easy_read, count=q.answered_count, total=len(q.items)
        )
        resume_note = t_for("serve.resume-note", easy_read=q.easy_read)
    return DoneView(
        summary=summary, csrf=csrf, pos=q.position, resume_note=resume_note, resume_code=resume_code
    )
