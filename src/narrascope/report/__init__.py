"""Rendering of analysed documents for people: a self-contained HTML report per article."""

from narrascope.report.html import render_html

__all__ = ["render_html"]
