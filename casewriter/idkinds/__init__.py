"""Internals of ``casewriter.identifiers``: normalization, check digits, per-kind rules, extraction.

Import the public API from ``casewriter.identifiers``; these modules may change shape.
"""
