"""The case engine: case types, case files, facts, deadlines, the evidence checklist and the
sandboxed Jinja rendering of a draft into the text a seller pastes into Seller Central.
"""
