"""The dates stage: when each event happened.

Two modules: :mod:`~communique.dates.grammar` finds the date expressions of a text and
resolves each against a reference day (a regular-expression grammar, no parse needed);
:mod:`~communique.dates.events` decides over the parse which expression dates which event,
with the article's anchor date, the dateline and the publication date as fallbacks.
"""
from .events import assign_dates, document_date_mentions, reference_date
from .grammar import DateMention, find_date_expressions, parse_full_date, resolve_date_expression

__all__ = ["assign_dates", "document_date_mentions", "reference_date", "DateMention", "find_date_expressions",
           "parse_full_date", "resolve_date_expression"]
