"""The retrieval layer: corpus in, ranked cited passages out."""
