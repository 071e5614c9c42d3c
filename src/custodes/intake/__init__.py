"""Intake: text out of a demand's documents, and a structured request out of the text.

Pure Python; nothing here imports Django.
"""

from custodes.intake.document import read_document
from custodes.intake.errors import UnreadableInput
from custodes.intake.extract import extract_request

__all__ = ["UnreadableInput", "extract_request", "read_document"]
