from custodes.notices.models.notice import Notice
from custodes.notices.models.objection import Objection
from custodes.notices.models.order import NonDisclosureOrder
from custodes.notices.models.review import JudicialReviewAsked
from custodes.notices.models.ruling import NoticeRuling

__all__ = [
    "JudicialReviewAsked",
    "NonDisclosureOrder",
    "Notice",
    "NoticeRuling",
    "Objection",
]
