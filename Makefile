# Thin wrappers over `python -m coursekit ...` (the same commands work on Windows without make).
PYTHON ?= python3
FAST ?= 0
COURSE_FLAGS := $(if $(filter 1,$(FAST)),--fast,)

.PHONY: setup course test lab solutions validate test-fast clean slides site web-assets test-browser

setup:
	$(PYTHON) -m coursekit setup

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

solutions: setup
	$(PYTHON) -m coursekit exercises

validate: setup
	$(PYTHON) -m coursekit validate

clean:
	rm -rf build
