"""The 2019 and 2020 rounds the notice asks for, loaded by a data migration.

Used with historical models by the migration and with the real ones by tests
whose transactional database is emptied between tests.
"""

from datetime import date

from .catalogue import default_sections
from .models.rounds import default_milestones

# (title, period start, period end, opens on, due date)
DEFAULT_ROUNDS = [
    (
        "2019年服务业质量提升专项行动进展情况报告",
        date(2019, 1, 1),
        date(2019, 10, 31),
        date(2019, 11, 1),
        date(2019, 11, 30),
    ),
    (
        "2020年服务业质量提升专项行动进展情况报告",
        date(2019, 11, 1),
        date(2020, 10, 31),
        date(2020, 11, 1),
        date(2020, 11, 30),
    ),
]


def ensure_default_rounds(Round, Milestone):  # noqa: N803 - model classes
    """Create the 2019 and 2020 rounds and their milestones if they are missing."""
    for title, start, end, opens_on, due in DEFAULT_ROUNDS:
        round_, created = Round.objects.get_or_create(
            due_date=due,
            title=title,
            defaults={
                "period_start": start,
                "period_end": end,
                "opens_on": opens_on,
                "sections": default_sections(),
            },
        )
        if created:
            Milestone.objects.bulk_create(
                Milestone(round=round_, kind=kind, on=on, days_before_due=days)
                for kind, on, days in default_milestones(opens_on, due)
            )
