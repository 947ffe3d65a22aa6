# Build the wheel (it carries the knowledge base), then install it into a slim runtime image.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY helpdesk ./helpdesk
COPY knowledge_base ./knowledge_base
RUN python -m pip install --no-cache-dir build \
 && python -m build --wheel --outdir /dist .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HELPDESK_HOST=0.0.0.0 \
    HELPDESK_PORT=8000 \
    HELPDESK_DATABASE_URL=sqlite:////data/records.sqlite3
COPY --from=build /dist/*.whl /tmp/
RUN python -m pip install --no-cache-dir /tmp/*.whl \
 && rm /tmp/*.whl \
 && useradd --create-home --uid 10001 helpdesk \
 && mkdir /data && chown helpdesk /data
# hand-off tickets, feedback and asked questions: keep them on a volume across containers
VOLUME /data
USER helpdesk
WORKDIR /home/helpdesk
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
CMD ["helpdesk", "serve", "--host", "0.0.0.0", "--port", "8000"]
