"""Observability: Prometheus metrics, structured JSON logs with a request id, a health/metrics server."""
