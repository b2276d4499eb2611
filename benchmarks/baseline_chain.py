"""A plain LangChain retrieval chain for comparison: top-k passages stuffed into a template, no question analysis.

Reads one question per stdin line and prints one answer-contract JSON line each, so the shared scorer can
score it exactly like `bubblebot ask --json -`.
"""

from __future__ import annotations

import json
import sys
import tempfile

from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.prompts import PromptTemplate
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from knowledge.corpus import load_corpus
from knowledge.embedding import UseEmbedder
from knowledge.language import detect_language

TEMPLATE = PromptTemplate.from_template("Answer from the passages.\n\n{context}\n\nQuestion: {question}")


class UseEmbeddings(Embeddings):
    """The same offline embedder, behind LangChain's Embeddings interface."""

    def __init__(self) -> None:
        self.inner = UseEmbedder()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed([text])[0]


def main() -> None:
    """Answer stdin questions with the baseline chain."""
    corpus = load_corpus()
    docs = [Document(page_content=p.text, metadata={"id": p.id}) for p in corpus.passages]
    with tempfile.TemporaryDirectory() as tmp:
        store = Chroma.from_documents(
            docs, UseEmbeddings(), persist_directory=tmp, collection_name="baseline"
        )
        retriever = store.as_retriever(search_kwargs={"k": 3})
        chain = {"context": retriever, "question": RunnablePassthrough()} | RunnableLambda(
            lambda inputs: (
                TEMPLATE.format(
                    context="\n".join(d.page_content for d in inputs["context"]), question=inputs["question"]
                ),
                inputs["context"],
            )
        )
        for line in sys.stdin:
            question = line.strip()
            prompt, found = chain.invoke(question)
            citations = []
            for doc in found:
                passage = corpus.by_id[doc.metadata["id"]]
                speaker = corpus.speaker(passage.speaker)
                source = corpus.source(passage.source_id)
                citations.append(
                    {
                        "speaker": passage.speaker,
                        "speaker_role": speaker.role if speaker else None,
                        "quote": passage.text,
                        "figures": [
                            {"text": f.text, "value": f.value, "unit": f.unit} for f in passage.figures
                        ],
                        "source": {"id": source.id, "title": source.title, "publisher": source.publisher},
                    }
                )
            print(
                json.dumps(
                    {
                        "question": question,
                        "language": detect_language(question),
                        "answer": prompt,
                        "abstained": False,
                        "citations": citations,
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
