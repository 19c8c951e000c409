from .evaluations import (
    Evaluation,
    EvaluationCode,
    EvaluationCodeBatch,
    EvaluationReply,
    EvaluationStatusChange,
)
from .survey_links import SurveyLink, SurveyLinkBatch
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
    "Evaluation",
    "EvaluationCode",
    "EvaluationCodeBatch",
    "EvaluationModel",
    "EvaluationReply",
    "EvaluationStatusChange",
    "IndexResult",
    "Indicator",
    "Item",
    "ModelVersion",
    "Quota",
    "Response",
    "SurveyLink",
    "SurveyLinkBatch",
    "Wave",
]
