"""Pretrained models: loaded once per process from pinned PyPI packages, with SHA-256 checks."""

from narrascope.models.pinned import natasha_models, spacy_pipeline, verify_files

__all__ = ["natasha_models", "spacy_pipeline", "verify_files"]
