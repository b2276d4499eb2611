"""Errors of the retrieval layer; each message is what the user sees."""


class KnowledgeError(Exception):
    """Base class for retrieval-layer errors."""


class CorpusError(KnowledgeError):
    """The corpus data (a source, speaker or curation file) is malformed; names the file and field."""


class IndexUnavailable(KnowledgeError):
    """The vector index cannot be reached or built; lexical search still works."""


class IngestError(KnowledgeError):
    """An article cannot be ingested (unreachable, empty, binary, duplicate, unknown language); nothing changed."""


class DuplicateArticle(IngestError):
    """The article's text is already in the library or the packaged corpus."""
