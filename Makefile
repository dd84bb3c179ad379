# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint places bench bench-throughput bench-memory bench-extraction clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build examples/articles -o out --format turtle
	$(BIN)/kg query out/graph.ttl -f examples/queries/who_leads_the_lab.rq

test: $(STAMP)
	$(BIN)/ruff check kg tests bench
	$(BIN)/python -m pytest -q

# ontology/places.txt from GeoNames (cities above typing.toml's [places] min_population)
places: $(STAMP)
	$(BIN)/pip install -q -e ".[places]"
	$(BIN)/python -c "from kg.places import write_places; print('wrote', write_places())"

bench: $(STAMP) bench-throughput bench-memory bench-extraction
	$(BIN)/python bench/sparql.py

# build speed against spaCy's bare nlp.pipe, and 1 -> 2 workers
bench-throughput: $(STAMP)
	$(BIN)/python bench/throughput.py

# peak memory of streaming builds of 1,000 and 10,000 documents (the larger takes a while)
bench-memory: $(STAMP)
	$(BIN)/python bench/memory.py --sizes 1000,10000

# precision/recall/F1 of kg and of a subject-verb-object baseline on the gold sets present
bench-extraction: $(STAMP)
	$(BIN)/python bench/extraction.py

clean:
	rm -rf out .pytest_cache
