# The nqgraph API: builds the seed corpus into the embedded store at start-up and serves it.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml requirements.lock README.md LICENSE ./
RUN pip install --no-cache-dir -r requirements.lock
COPY graph ./graph
COPY api ./api
COPY ontology ./ontology
COPY seeds ./seeds
RUN pip install --no-cache-dir --no-deps -e .
ENV NQGRAPH_STORE=/data
EXPOSE 8000
CMD ["sh", "-c", "nqgraph build /app/seeds --store /data && nqgraph serve --store /data --host 0.0.0.0 --port 8000"]
