from .evaluations import (  # noqa: F401
    Evaluation,
    EvaluationCode,
    EvaluationCodeBatch,
    EvaluationReply,
    EvaluationStatusChange,
)
