from .surveys import (
    Computation,
    Dimension,
    EvaluationModel,
    IndexResult,
    Indicator,
    Item,
    ModelVersion,
    Quota,
    Response,
    Wave,
)

__all__ = [
    "Computation",
    "Dimension",
    "EvaluationModel",
    "IndexResult",
    "Indicator",
    "Item",
    "ModelVersion",
    "Quota",
    "Response",
    "Wave",
]
