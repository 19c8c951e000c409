"""Evaluation models and their versions: templates, weights, freezing, new versions."""

from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Dimension, EvaluationModel, Indicator, Item, ModelVersion
from ..scoring import FORMULA, DimensionSpec, IndicatorSpec, ItemSpec, Structure

ONE = Decimal("1")

# (code, Chinese name, [(indicator code, name, [(item code, question)])])
SERVQUAL = [
    ("tangibles", "有形性", [("facilities", "设施与人员形象",
        [("t1", "服务场所、设施整洁现代"), ("t2", "服务人员仪表整洁")])]),
    ("reliability", "可靠性", [("promises", "兑现承诺",
        [("r1", "按承诺的时间提供服务"), ("r2", "第一次就把服务做好")])]),
    ("responsiveness", "响应性", [("speed", "响应速度",
        [("s1", "及时提供服务"), ("s2", "乐于帮助顾客")])]),
    ("assurance", "保证性", [("trust", "专业可信",
        [("a1", "服务人员值得信赖"), ("a2", "服务人员具备专业知识")])]),
    ("empathy", "移情性", [("care", "个性化关怀",
        [("e1", "关注顾客的个别需求"), ("e2", "营业时间方便顾客")])]),
]  # fmt: skip
ACSI = [
    ("expectation", "顾客预期", [("expected", "总体预期", [("q1", "使用前对服务质量的总体预期")])]),
    ("quality", "感知质量", [("perceived", "总体感知", [("q2", "实际感受到的服务质量"),
                                                     ("q3", "服务满足需求的程度")])]),
    ("value", "感知价值", [("price", "质价比", [("q4", "给定价格下的质量")])]),
    ("satisfaction", "顾客满意", [("overall", "总体满意", [("q5", "总体满意程度"),
                                                        ("q6", "与理想服务相比")])]),
    ("loyalty", "顾客忠诚", [("again", "再次选择", [("q7", "再次选择的可能性")])]),
]  # fmt: skip


def _equal(count):
    """Weights that sum to exactly 1 over count parts (the last takes the rounding)."""
    share = (ONE / count).quantize(Decimal("0.0001"))
    return [share] * (count - 1) + [ONE - share * (count - 1)]


@transaction.atomic
def create_model(*, code, name, kind, sectors, description="", scale=Item.Scale.FIVE):
    """A new model with version 1 filled from its kind's template, equal weights."""
    model = EvaluationModel.objects.create(
        code=code, name=name, kind=kind, sectors=sectors, description=description
    )
    version = ModelVersion.objects.create(model=model, number=1)
    template = SERVQUAL if kind == EvaluationModel.Kind.SERVQUAL else ACSI
    for position, ((d_code, d_name, indicators), weight) in enumerate(
        zip(template, _equal(len(template)), strict=True), start=1
    ):
        dimension = Dimension.objects.create(
            version=version, position=position, code=d_code, name=d_name, weight=weight
        )
        for i_pos, ((i_code, i_name, items), i_weight) in enumerate(
            zip(indicators, _equal(len(indicators)), strict=True), start=1
        ):
            indicator = Indicator.objects.create(
                dimension=dimension, position=i_pos, code=i_code, name=i_name, weight=i_weight
            )
            for q_pos, (q_code, text) in enumerate(items, start=1):
                Item.objects.create(
                    indicator=indicator, position=q_pos, code=q_code, text=text, scale=scale
                )
    return model


def weight_problems(version):
    """What is wrong with the version's weights, one message per sum that is not 1."""
    problems = []
    dimensions = list(version.dimensions.prefetch_related("indicators"))
    total = sum((d.weight for d in dimensions), Decimal(0))
    if dimensions and total != ONE:
        problems.append(_("The dimension weights sum to %(sum)s, not 1.") % {"sum": _plain(total)})
    for dimension in dimensions:
        indicators = list(dimension.indicators.all())
        inner = sum((i.weight for i in indicators), Decimal(0))
        if indicators and inner != ONE:
            message = _("The indicator weights of “%(name)s” sum to %(sum)s, not 1.")
            problems.append(message % {"name": dimension.name, "sum": _plain(inner)})
        if not indicators:
            problems.append(_("The dimension “%(name)s” has no indicators.") % {"name": dimension})
    if not dimensions:
        problems.append(_("The version has no dimensions."))
    return problems


def _plain(value):
    return f"{value.normalize():f}"


def ensure_editable(version):
    if version.frozen:
        raise ValidationError(
            _("Version %(n)d is frozen: data was collected against it. Make a new version.")
            % {"n": version.number}
        )


@transaction.atomic
def set_weights(version, dimension_weights, indicator_weights):
    """Save new weights ({id: Decimal}); refused, with each wrong sum shown, unless all are 1."""
    ensure_editable(version)
    version = ModelVersion.objects.select_for_update().get(pk=version.pk)
    for dimension in version.dimensions.all():
        if dimension.pk in dimension_weights:
            dimension.weight = dimension_weights[dimension.pk]
            dimension.save(update_fields=["weight"])
    for indicator in Indicator.objects.filter(dimension__version=version):
        if indicator.pk in indicator_weights:
            indicator.weight = indicator_weights[indicator.pk]
            indicator.save(update_fields=["weight"])
    problems = weight_problems(version)
    if problems:
        transaction.set_rollback(True)
        raise ValidationError(problems)


def add_item(indicator, *, code, text, scale, required=True):
    """A new question in an indicator of an editable version; its code must be new there."""
    version = indicator.dimension.version
    ensure_editable(version)
    if Item.objects.filter(indicator__dimension__version=version, code=code).exists():
        raise ValidationError(
            {"code": _("The column “%(code)s” is already used.") % {"code": code}}
        )
    position = indicator.items.count() + 1
    return Item.objects.create(
        indicator=indicator, position=position, code=code, text=text, scale=scale,
        required=required,
    )  # fmt: skip


@transaction.atomic
def new_version(version, note=""):
    """A copy of the version as the model's next version, editable."""
    model = version.model
    number = (model.versions.order_by("-number").values_list("number", flat=True).first()) + 1
    copy = ModelVersion.objects.create(model=model, number=number, note=note)
    for dimension in version.dimensions.prefetch_related("indicators__items"):
        new_dim = Dimension.objects.create(
            version=copy, position=dimension.position, code=dimension.code,
            name=dimension.name, weight=dimension.weight,
        )  # fmt: skip
        for indicator in dimension.indicators.all():
            new_ind = Indicator.objects.create(
                dimension=new_dim, position=indicator.position, code=indicator.code,
                name=indicator.name, weight=indicator.weight,
            )  # fmt: skip
            Item.objects.bulk_create(
                Item(indicator=new_ind, position=i.position, code=i.code, text=i.text,
                     scale=i.scale, required=i.required)
                for i in indicator.items.all()
            )  # fmt: skip
    return copy


def freeze(version):
    """Mark the version frozen (first data collected against it); once."""
    if not version.frozen:
        version.frozen_at = timezone.now()
        version.save(update_fields=["frozen_at"])


def structure(version):
    """The version as scoring needs it (one query)."""
    dims = {}
    items = Item.objects.filter(indicator__dimension__version=version).select_related(
        "indicator__dimension"
    )
    indicator_items = {}
    for item in items.order_by("indicator__dimension__position", "indicator__position", "position"):
        indicator = item.indicator
        dims.setdefault(indicator.dimension, {}).setdefault(indicator, [])
        low, high = item.bounds
        indicator_items.setdefault(indicator.pk, []).append(
            ItemSpec(item.code, low, high, item.required)
        )
        dims[indicator.dimension][indicator] = indicator_items[indicator.pk]
    return Structure(
        paired=version.model.is_servqual,
        dimensions=tuple(
            DimensionSpec(
                dim.position,
                Fraction(dim.weight),
                tuple(
                    IndicatorSpec(ind.pk, Fraction(ind.weight), tuple(specs))
                    for ind, specs in inds.items()
                ),
            )
            for dim, inds in dims.items()
        ),
    )


def published(version):
    """The weights and formula published with every result of the version."""
    dimensions = version.dimensions.prefetch_related("indicators__items")
    return {
        "model": version.model.code,
        "version": version.number,
        "formula": FORMULA,
        "dimensions": [
            {
                "position": d.position, "code": d.code, "name": d.name, "weight": str(d.weight),
                "indicators": [
                    {"id": i.pk, "code": i.code, "name": i.name, "weight": str(i.weight),
                     "items": [[q.code, q.scale] for q in i.items.all()]}
                    for i in d.indicators.all()
                ],
            }
            for d in dimensions
        ],
    }  # fmt: skip
