# newsstream — `make run` runs the service, `make test` runs every test. Both install what they need.

SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .cache/tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
SYNCED := $(VENV)/.synced
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
# Libraries are compiled to bytecode once, at install, not at every start of the service.
export UV_COMPILE_BYTECODE := 1

.PHONY: help install run test test-faults test-unit test-kafka check deploy-check asyncapi-check lint format typecheck kafka-jars \
        schemas eval bench train clean test-eval-slow audit

help:
	@echo "make run        run the service (starts a local Kafka when none is configured)"
	@echo "make test       run all tests (unit, integration on a real broker, end to end)"
	@echo "make test-faults  broker and worker faults at scale, with a count of every page (minutes)"
	@echo "make test-eval-slow  floors on whole reference sets run through the pipeline (minutes)"
	@echo "make check      lint, type-check and check the deployment files"
	@echo "make audit      the locked dependencies against the PyPI/OSV vulnerability data (online)"
	@echo "make schemas    regenerate schemas/ from the pydantic models"
	@echo "make eval       measure quality on the reference sets (DATA=dir, EVAL_JSON=figures.json)"
	@echo "make bench      measure speed beside baselines (DATA=dir, BENCH_JSON=out.json, BENCH_ARGS=--quick)"
	@echo "make train      rebuild the text parser's line model, with its cross-validated figures (DATA=dir)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(SYNCED): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --all-groups
	$(BIN)/python -m compileall -q services
	@touch $@

install: $(SYNCED)

kafka-jars: $(SYNCED)
	$(BIN)/python -c "from newsstream.settings import get_settings as s; \
	from newsstream.broker.local import resolve_jars as r; \
	print(r(s().local_kafka_version, s().local_kafka_cache))"

run: $(SYNCED)
	$(BIN)/newsstream run

test: $(SYNCED) kafka-jars
	$(BIN)/pytest

# Faults at scale (minutes): a worker killed mid-stream, SIGTERM draining, a takeover.
test-faults: $(SYNCED) kafka-jars
	$(BIN)/pytest -m faults -s tests/faults

# Floors that run a whole reference set through parse and enrichment (minutes).
test-eval-slow: $(SYNCED)
	$(BIN)/pytest -m slow_eval tests/eval

test-unit: $(SYNCED)
	$(BIN)/pytest tests/unit

test-kafka: $(SYNCED) kafka-jars
	$(BIN)/pytest tests/integration tests/e2e

lint: $(SYNCED)
	$(BIN)/ruff check services tests
	$(BIN)/ruff format --check services tests

format: $(SYNCED)
	$(BIN)/ruff format services tests
	$(BIN)/ruff check --fix services tests

typecheck: $(SYNCED)
	$(BIN)/mypy

# The deployment files, checked offline: the Dockerfile's practices, the manifests against the
# Kubernetes schemas (KEDA's ScaledObject has none there: tests/unit/test_deploy.py checks it),
# and the kustomization as kubectl builds it, where kubectl is installed.
K8S_MANIFESTS := $(filter-out %/kustomization.yaml %/scaledobject.yaml,$(wildcard deploy/k8s/*.yaml))

deploy-check: $(SYNCED)
	$(BIN)/hadolint deploy/Dockerfile
	$(BIN)/kubernetes-validate --strict --quiet $(K8S_MANIFESTS)
	@if command -v kubectl >/dev/null; then kubectl kustomize deploy/k8s >/dev/null && echo "kustomize: deploy/k8s builds"; \
	else echo "kustomize: kubectl not installed, skipped"; fi

# The AsyncAPI document, validated by the AsyncAPI project's parser (npm, pinned in its lock).
ASYNCAPI := tests/tools/asyncapi

asyncapi-check:
	npm ci --prefix $(ASYNCAPI) --no-audit --no-fund --silent
	node $(ASYNCAPI)/validate.js schemas/asyncapi.json

check: lint typecheck deploy-check asyncapi-check

# Every locked package, checked against known vulnerabilities (pip-audit asks PyPI's JSON API,
# AUDIT_SERVICE=osv asks OSV): needs those services online; --strict fails on any package it
# could not check, so an unreachable service never reads as clean.
AUDIT_SERVICE ?= pypi

audit: $(SYNCED)
	$(UV) export --frozen --all-groups --no-hashes --no-emit-project --quiet -o $(TOOLS)/requirements.txt
	$(BIN)/pip-audit --strict --no-deps --disable-pip --vulnerability-service $(AUDIT_SERVICE) \
		-r $(TOOLS)/requirements.txt

schemas: $(SYNCED)
	$(BIN)/newsstream schemas export schemas

DATA ?= ../shared/data
EVAL_JSON ?=

eval: $(SYNCED)
	$(BIN)/python -m tests.eval.run $(DATA) $(if $(EVAL_JSON),--json $(EVAL_JSON))

TRAIN_ARGS ?=

train: $(SYNCED)
	$(BIN)/python -m tests.train.run $(DATA) $(TRAIN_ARGS)

BENCH_JSON ?=
BENCH_ARGS ?=

bench: $(SYNCED) kafka-jars
	$(BIN)/python -m tests.bench.run $(DATA) $(BENCH_ARGS) $(if $(BENCH_JSON),--json $(BENCH_JSON))

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .ruff_cache .pytest_cache .hypothesis
