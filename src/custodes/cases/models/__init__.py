from custodes.cases.models.callback import CallBack
from custodes.cases.models.case import Case, Target
from custodes.cases.models.decision import Decision, EngineReview
from custodes.cases.models.demand import Demand, Document
from custodes.cases.models.note import Note
from custodes.cases.models.preservation import Preservation

__all__ = [
    "CallBack",
    "Case",
    "Decision",
    "Demand",
    "Document",
    "EngineReview",
    "Note",
    "Preservation",
    "Target",
]
