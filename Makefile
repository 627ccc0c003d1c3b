# Thin wrappers over `python -m coursekit ...` (the same commands work on Windows without make).
PYTHON ?= python3
FAST ?= 0
CPU ?= 0
STORE ?= 0
COURSE_FLAGS := $(if $(filter 1,$(FAST)),--fast,) $(if $(filter 1,$(STORE)),--store,)

.PHONY: setup course test lab solutions student-editions gradebook validate test-fast clean slides site web-assets \
	test-browser setup-cell

# CPU=1: CPU-only PyTorch from PyTorch's CPU wheel index (laptops without an NVIDIA GPU; a much smaller download)
setup:
	$(PYTHON) -m coursekit setup $(if $(filter 1,$(CPU)),--cpu,)

# STORE=1 (authors): every notebook's outputs are written back into it, so the committed outputs come from one run
course: setup web-assets
	$(PYTHON) -m coursekit course $(COURSE_FLAGS)

# reveal.js and MathJax for the offline slides and website (package-lock.json; needs Node.js)
web-assets:
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts; \
	  else echo "npm not found: install Node.js for offline slides and maths / Node.js install कीजिए"; fi; fi

slides: setup web-assets
	$(PYTHON) -m coursekit slides

site: setup web-assets
	$(PYTHON) -m coursekit site

test: setup
	$(PYTHON) -m coursekit test

# Chromium + a Devanagari font (apt-get), reveal.js + MathJax (npm ci), then pytest -m browser
test-browser: setup
	$(PYTHON) -m coursekit test-browser

lab: setup
	$(PYTHON) -m coursekit lab

# the solutions editions of the exercises, into build/solutions/ only (exercises/ is never touched)
solutions: setup
	$(PYTHON) -m coursekit exercises

# authors: regenerate exercises/NN_slug.ipynb from the banks (refused for a notebook holding someone's work)
student-editions: setup
	$(PYTHON) -m coursekit exercises --write-student

# learners' progress files (files or folders) -> build/gradebook/: make gradebook PROGRESS=submissions
PROGRESS ?= submissions
gradebook: setup
	$(PYTHON) -m coursekit gradebook $(PROGRESS)

validate: setup
	$(PYTHON) -m coursekit validate

clean:
	rm -rf build

# the Colab/Kaggle set-up cell and "Open in Colab / Kaggle" links (address: pyproject.toml [project.urls])
setup-cell: setup
	$(PYTHON) -m coursekit setup-cell
