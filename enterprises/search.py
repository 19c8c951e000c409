"""Name search, the pure part: character bigrams and tsvector/tsquery literals.

A name is indexed as the set of its overlapping two-character tokens (lower
case, tokens with whitespace left out), stored in a PostgreSQL tsvector. A
query of two or more characters becomes the AND of its own bigrams, which the
GIN index answers for any length; an exact substring check then removes the
rare false positives (bigrams present but not adjacent in that order).
"""

__all__ = ["bigrams", "name_document", "tsquery_literal", "tsvector_literal"]


def bigrams(text: str) -> list[str]:
    """The distinct overlapping two-character tokens of text, sorted, lower case."""
    text = (text or "").lower()
    pairs = {text[i : i + 2] for i in range(len(text) - 1)}
    return sorted(p for p in pairs if not any(c.isspace() for c in p))


def _quote(token: str) -> str:
    """A lexeme in PostgreSQL's tsvector/tsquery input syntax."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def name_document(name: str, former_names=()) -> list[str]:
    """The bigrams of a name and its former names, as one sorted list."""
    tokens = set(bigrams(name))
    for former in former_names or ():
        tokens.update(bigrams(str(former)))
    return sorted(tokens)


def tsvector_literal(name: str, former_names=()) -> str:
    """The tsvector text of a name's bigrams, in PostgreSQL's own canonical form."""
    return " ".join(_quote(t) for t in name_document(name, former_names))


def tsquery_literal(query: str) -> str:
    """A tsquery text ANDing the query's bigrams ('' when it has none)."""
    return " & ".join(_quote(t) for t in bigrams(query))
