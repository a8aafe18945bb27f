"""Errors with stable codes, so that users, logs and the store can refer to a failure by its code.

Each code has a short title here; the raised message says what happened to which input and,
where there is one, what to do about it. Codes never change meaning once released.
"""

from __future__ import annotations

__all__ = ["CODES", "InputError", "NarrascopeError"]

CODES: dict[str, str] = {
    # data model and configuration
    "E010": "span outside its document",
    "E011": "unreadable document JSON",
    "E012": "invalid document field",
    "E020": "invalid configuration",
    "E021": "unknown analyzer",
    "E022": "analyzer dependencies cannot be met",
    "E030": "model files do not match their pinned SHA-256",
    "E031": "model package not installed",
    # inputs: each one fails alone, the batch goes on
    "E100": "input not found",
    "E101": "empty input",
    "E102": "binary input",
    "E103": "input over the size limit",
    "E104": "HTML without main text",
    "E105": "unsupported language",
    "E106": "input cannot be read",
    "E107": "analyzer failed on this input",
    "E108": "malformed record in a JSON Lines or CSV file",
    "E109": "unreadable feed",
    "E110": "truncated or corrupt web archive",
    "E111": "duplicate id with a different text",
    "E112": "download failed",
    # store
    "E200": "database error",
    "E201": "invalid corpus query or filter",
    "E202": "invalid shard or engine setting",
    # the field's formats and evaluation
    "E300": "malformed line in an annotation or submission file",
    "E301": "unknown label",
    "E302": "unknown or missing document id",
    "E303": "annotation file or folder not found",
    "E304": "gold and prediction do not match",
    # the web server (narrascope serve): the codes match the HTTP status they answer with
    "E400": "malformed request",
    "E401": "missing or wrong token",
    "E404": "no such document",
    "E413": "request body too large",
    "E415": "request body is not JSON",
    "E422": "invalid request",
    "E450": "unsafe server setting",
    # warnings: the input is analysed, but the user should know
    "W150": "invalid UTF-8 replaced",
    "W151": "language detected with low confidence",
    "W152": "an analyzer does not cover the document's language: its layers are left empty",
    "W153": "the technique model was not trained on the document's language (zero-shot)",
    "W154": "the text is too short for labels of a whole article (frames, genre, narratives): they are left out",
}


class NarrascopeError(Exception):
    """An error with a stable code: ``E105: examples/a.txt: language 'de' is not supported ...``."""

    def __init__(self, code: str, message: str) -> None:
        if code not in CODES:
            raise ValueError(f"unknown error code {code}")
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    @property
    def title(self) -> str:
        return CODES[self.code]

    @property
    def reason_text(self) -> str:
        """What went wrong, without the code and input name (as stored in the database)."""
        return self.message


class InputError(NarrascopeError):
    """One input could not be analysed; it is recorded as failed and the batch carries on."""

    def __init__(self, code: str, input_name: str, reason: str) -> None:
        super().__init__(code, f"{input_name}: {reason}")
        self.input_name = input_name
        self.reason = reason

    @property
    def reason_text(self) -> str:
        return self.reason
