"""Readers and writers between narrascope's data model and the field's formats.

Every format maps onto the same ``Document``/``Span``/``Label`` objects with these layers
(gold annotations and predictions alike; ``analyzer`` says where they came from, e.g.
``gold:semeval2023`` or ``pred:checkthat2024``):

=====================  =======  ==================================================================
layer                  kind     meaning
=====================  =======  ==================================================================
``technique``          span     a persuasion technique over a stretch of text; the label is the
                                technique's name in the format's own taxonomy (SemEval-2023's 23,
                                or PTC's 14); ``Document.metadata["taxonomy"]`` names which
``paragraph_technique`` span    a technique of a whole paragraph (SemEval-2023 subtask 3): the span
                                covers the paragraph's line, ``attrs["paragraph"]`` is its number
``genre``              label    opinion, reporting or satire
``frame``              label    one of the 14 frames, one label each
``role``               span     an entity mention (SemEval-2025 subtask 1); label = main role,
                                ``attrs["fine_roles"]`` = list of fine roles
``narrative``          label    a narrative (SemEval-2025 subtask 2), full name, or ``Other``
``subnarrative``       label    a subnarrative, full name ("CC: ...: ..."), or ``Other``
``dominant_narrative`` label    SemEval-2025 subtask 3: label = narrative; ``attrs`` holds
                                ``subnarrative`` and ``explanation``
=====================  =======  ==================================================================

The shared-task id of an article is kept in ``Document.metadata["article_id"]``; offsets are
always end-exclusive character offsets into ``Document.text``. Readers validate every span,
repair what can be repaired and count it in a :class:`RepairLog`; malformed lines raise E300
naming the file and the line.
"""

from narrascope.formats._common import RepairLog
from narrascope.formats.brat import read_brat, write_brat
from narrascope.formats.checkthat import (
    read_checkthat,
    read_checkthat_spans,
    read_checkthat_texts,
    write_checkthat,
)
from narrascope.formats.jsonl import read_jsonl, write_jsonl
from narrascope.formats.labelstudio import export_tasks, import_annotations, labelstudio_config
from narrascope.formats.ptc import read_ptc, read_ptc_labels, write_ptc_labels
from narrascope.formats.semeval2023 import read_semeval2023
from narrascope.formats.semeval2025 import read_semeval2025

__all__ = [
    "RepairLog",
    "export_tasks",
    "import_annotations",
    "labelstudio_config",
    "read_brat",
    "read_checkthat",
    "read_checkthat_spans",
    "read_checkthat_texts",
    "read_jsonl",
    "read_ptc",
    "read_ptc_labels",
    "read_semeval2023",
    "read_semeval2025",
    "write_brat",
    "write_checkthat",
    "write_jsonl",
    "write_ptc_labels",
]
