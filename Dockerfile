# crisis-stream worker image: the faust worker (and the replay/tallies commands) on Python 3.11.
# Build: docker build -t crisis-stream:dev .   Run: see docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Install the package first so code-only edits do not re-run the dependency layer needlessly.
# README.m[d]: the glob copies the readme when it exists and does not fail when it does not.
COPY pyproject.toml README.m[d] ./
COPY schemas ./schemas
COPY extraction ./extraction
COPY streams ./streams
RUN pip install .

COPY seeds ./seeds

# Run unprivileged; /data holds the worker's table store and the gazetteer cache (a volume).
# The gazetteer index is built here, once (about 25 s), not at every container start: a
# fresh named volume starts with the image's /data content.
RUN useradd --create-home --uid 10001 crisis \
    && mkdir -p /data/worker /data/gazetteer \
    && python -c "from pathlib import Path; from extraction.geo import Gazetteer; Gazetteer.load(Path('/data/gazetteer'))" \
    && chown -R crisis /data
USER crisis

ENV CRISIS_STREAM_DATA_DIR=/data/worker \
    CRISIS_STREAM_GAZETTEER_CACHE_DIR=/data/gazetteer

EXPOSE 6066
CMD ["python", "-m", "streams", "worker", "-l", "info"]
