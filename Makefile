# Thin wrapper over CMake: `make run` and `make test` are the README's quick start.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test bench fuzz clean format

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/cellar examples/closures.py

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@CELLAR_BENCH=1 bash scripts/install-deps.sh
	bash bench/run.sh

fuzz: deps
	CELLAR_FUZZ=1 bash scripts/install-deps.sh
	bash tests/fuzz/run.sh

format:
	clang-format -i frontend/*.[ch] runtime/*.[ch] jit/*.[ch] cli/*.c include/*.h

clean:
	rm -rf $(BUILD)
