# Thin wrappers over `python -m coursekit ...` (the same commands work on Windows without make).
PYTHON ?= python3
FAST ?= 0
COURSE_FLAGS := $(if $(filter 1,$(FAST)),--fast,)

.PHONY: setup course test lab solutions validate test-fast clean

setup:
	$(PYTHON) -m coursekit setup

course: setup
	$(PYTHON) -m coursekit course $(COURSE_FLAGS)

test: setup
	$(PYTHON) -m coursekit test

lab: setup
	$(PYTHON) -m coursekit lab

solutions: setup
	$(PYTHON) -m coursekit exercises

validate: setup
	$(PYTHON) -m coursekit validate

clean:
	rm -rf build
