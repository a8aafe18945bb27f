"""Where a model folder is: one that ships inside narrascope (named by its folder under
``models/data``), or any folder a user trained; and the fingerprint of its weights."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from narrascope.errors import NarrascopeError

__all__ = ["folder_weights_sha256", "model_folder"]


def model_folder(path: str | None, shipped: str) -> Path:
    """The folder of the shipped model ``shipped`` when ``path`` is None or names it, else ``path``."""
    if path is None or path == shipped:
        return Path(str(resources.files("narrascope.models").joinpath("data", shipped)))
    return Path(path)


def folder_weights_sha256(folder: Path, weights: str, what: str) -> str:
    """The SHA-256 of ``folder/weights`` without loading the model: what identifies it in the
    provenance. E031, naming ``what`` the folder should hold, when the file is not there."""
    path = folder / weights
    if not path.is_file():
        raise NarrascopeError("E031", f"{folder}: not {what} (needs config.json and {weights})")
    return hashlib.sha256(path.read_bytes()).hexdigest()
