"""Set-based recomputation of risk classes: one INSERT ... SELECT into the history, one upsert.

The SELECT annotates every enterprise in scope with each indicator's value (the
registry's expressions, compiled by the ORM), then in SQL layers adds up the points,
picks the class by the thresholds and builds the explanation ``{code: [value, points]}``.
Only enterprises whose class, score, model version or override changed get a history
row; the current-class table is then upserted from exactly those rows. PostgreSQL and
SQLite (the demo) run the same statements; they differ in two function names.
"""

from decimal import Decimal

from django.db import connection, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from enterprises.models import Enterprise
from portal import jobs

from ..models import RiskClassHistory, RiskOverride, RiskRun, ScoringModel
from . import risk_indicators

SCORE_LIMIT = 99999  # the score column holds 7 digits with 2 decimals


def _functions():
    if connection.vendor == "postgresql":
        return {"least": "LEAST", "greatest": "GREATEST", "object": "jsonb_build_object",
                "array": "jsonb_build_array", "materialized": "MATERIALIZED "}  # fmt: skip
    # SQLite before 3.35 refuses MATERIALIZED; it computes a CTE used once only once anyway.
    return {"least": "MIN", "greatest": "MAX", "object": "json_object", "array": "json_array",
            "materialized": ""}  # fmt: skip


def _values_queryset(terms, today, reporting_unit):
    """Enterprises in scope with their valid override and each indicator's value."""
    enterprises = Enterprise.objects.order_by()
    if reporting_unit is not None:
        enterprises = enterprises.filter(reporting_unit=reporting_unit)
    valid = RiskOverride.objects.filter(
        enterprise=OuterRef("pk"), starts_on__lte=today, expires_on__gte=today
    ).order_by("-created_at", "-id")
    values = {f"v_{t.code}": risk_indicators.get(t.code).value(today) for t in terms}
    return enterprises.annotate(
        eid=F("pk"),
        ov_id=Subquery(valid.values("pk")[:1]),
        ov_class=Subquery(valid.values("risk_class")[:1]),
        **values,
    ).values("eid", "ov_id", "ov_class", *values)


def _number(value):
    """A Decimal from the database as a numeric literal (never text a person typed)."""
    return format(Decimal(value), "f")


def _points_sql(term, fn):
    counted = f"v_{term.code}"
    if term.cap is not None:
        counted = f"{fn['least']}(v_{term.code}, {_number(term.cap)})"
    factor = f"{_number(term.points)} * {_number(term.weight)}"
    return f"ROUND({factor} * {counted}, 2) AS p_{term.code}"


def computed_rows_sql(model, terms, today, reporting_unit):
    """(sql, params): WITH ... n(eid, ov_id, ov_class, score, cls, expl) for the enterprises."""
    fn = _functions()
    inner, params = _values_queryset(terms, today, reporting_unit).query.sql_with_params()
    carried = "".join(f", v_{t.code}" for t in terms)
    points = "".join(f", {_points_sql(t, fn)}" for t in terms)
    total = " + ".join([f"p_{t.code}" for t in terms] + ["0"])
    pairs = ", ".join(f"'{t.code}', {fn['array']}(v_{t.code}, p_{t.code})" for t in terms)
    clamp = f"{fn['least']}({fn['greatest']}({total}, -{SCORE_LIMIT}), {SCORE_LIMIT})"
    sql = f"""
WITH v AS {fn["materialized"]}({inner}),
p AS (SELECT eid, ov_id, ov_class{carried}{points} FROM v),
s AS (SELECT p.*, {clamp} AS score FROM p),
n AS (SELECT eid, ov_id, ov_class, score,
             CASE WHEN score < {_number(model.b_from)} THEN 'A'
                  WHEN score < {_number(model.c_from)} THEN 'B'
                  WHEN score < {_number(model.d_from)} THEN 'C' ELSE 'D' END AS cls,
             {fn["object"]}({pairs}) AS expl
      FROM s)"""  # noqa: S608 -- codes from the registry, numbers from Decimal columns
    return sql, list(params)


HISTORY_SQL = """
INSERT INTO credit_riskclasshistory (enterprise_id, source, risk_class, computed_class, score,
    scoring_model_id, run_id, override_id, explanation, computed_at, note)
SELECT n.eid, 'computed', COALESCE(n.ov_class, n.cls), n.cls, n.score, {model}, {run}, n.ov_id,
       n.expl, %s, ''
FROM n LEFT JOIN credit_enterpriseriskclass c ON c.enterprise_id = n.eid
WHERE c.enterprise_id IS NULL OR c.risk_class <> COALESCE(n.ov_class, n.cls)
   OR c.computed_class <> n.cls OR c.score <> n.score
   OR COALESCE(c.scoring_model_id, 0) <> {model}
   OR COALESCE(c.override_id, 0) <> COALESCE(n.ov_id, 0)
"""

UPSERT_SQL = """
INSERT INTO credit_enterpriseriskclass (enterprise_id, risk_class, score, computed_at,
    computed_class, scoring_model_id, explanation, override_id)
SELECT enterprise_id, risk_class, score, computed_at, computed_class, scoring_model_id,
       explanation, override_id
FROM credit_riskclasshistory WHERE run_id = %s
ON CONFLICT (enterprise_id) DO UPDATE SET risk_class = excluded.risk_class,
    score = excluded.score, computed_at = excluded.computed_at,
    computed_class = excluded.computed_class, scoring_model_id = excluded.scoring_model_id,
    explanation = excluded.explanation, override_id = excluded.override_id
"""


def _terms(model):
    terms = list(model.indicators.all())
    unknown = [t.code for t in terms if risk_indicators.get(t.code) is None]
    if unknown:
        raise jobs.Refused(
            _("The scoring model names indicators the portal does not know: %(codes)s.")
            % {"codes": ", ".join(unknown)}
        )
    return terms


def _freeze(model):
    ScoringModel.objects.filter(pk=model.pk, frozen_at__isnull=True).update(
        frozen_at=timezone.now()
    )


def recompute(*, reporting_unit=None, today=None):
    """Recompute the classes of the nation (no unit) or one reporting unit; returns the run."""
    today = today or timezone.localdate()
    with transaction.atomic():
        model = ScoringModel.objects.select_for_update().order_by("-version").first()
        if model is None:
            raise jobs.Refused(_("Headquarters has not configured a scoring model yet."))
        terms = _terms(model)
        _freeze(model)
        run = RiskRun.objects.create(
            scoring_model=model, reporting_unit=reporting_unit, as_of=today
        )
        rows_sql, params = computed_rows_sql(model, terms, today, reporting_unit)
        now = timezone.now()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The correlated subqueries' cost estimate switches JIT on, and compiling
                # took 6 of 9 s at 50,000 enterprises (docs/benchmarks.md); the plan is
                # index lookups, which JIT does not speed up.
                cursor.execute("SET LOCAL jit = off")
            history = HISTORY_SQL.format(model=int(model.pk), run=int(run.pk))
            cursor.execute(rows_sql + history, [*params, now])
            cursor.execute(UPSERT_SQL, [run.pk])
        scope = Enterprise.objects.all()
        if reporting_unit is not None:
            scope = scope.filter(reporting_unit=reporting_unit)
        # SQLite reports no row count for WITH ... INSERT: count the run's rows.
        changed = RiskClassHistory.objects.filter(run=run).count()
        RiskRun.objects.filter(pk=run.pk).update(
            enterprises=scope.count(), changed=changed, finished_at=timezone.now()
        )
    run.refresh_from_db()
    return run


def changed_in(run):
    """The history rows a run wrote (the enterprises whose class changed)."""
    return RiskClassHistory.objects.filter(run=run)
