"""The service layer: what composes the case engine with the case log.

The engine (``casewriter.engine``) renders drafts and knows nothing of the log; the log
(``casewriter.store``) keeps records and knows nothing of the engine; report scanning
(``casewriter.reports``) finds claims and drafts them. These modules put them together, once,
for the CLI and the TUI alike:

- ``saving``: a rendered case becomes a case-log record (``new_case_from_render``) and is
  saved with its duplicate warnings (``save_rendered``): ``render --save``, the wizard, the demo.
- ``drafting``: ``scan --draft`` and the scan screen: one draft per claimable finding, rendered,
  skipped when an open case shares its identifiers (the duplicate guard), saved otherwise.
- ``demo``: ``casewriter demo`` fills a home with a living sample log and sample reports.

Importing this package loads nothing heavy.
"""
