# tfgradlint: build, test, demo and install.
#
#   make deps    install build and test dependencies with apt-get (idempotent)
#   make         build build/tfgradlint (installs nothing)
#   make check   unit, golden, fixture and CLI tests (SANITIZE=1: ASan + UBSan build)
#   make fixtures-update  rewrite the fixtures' message snapshots after an intended change
#   make demo    run the tool on a bundled buggy training file
#   make oracle  compile and run every LibTorch fixture against libtorch-dev
#   make check-real-headers  same findings with libtorch-dev's headers as with the model headers
#   make bench   speed and memory vs clang -fsyntax-only and clang-tidy (ratios; not a test)
#   make fuzz-parsers FUZZ_RUNS=N  libFuzzer on each of tfgradlint's own parsers (clang, ASan + UBSan)
#   make fuzz-body FUZZ_SECONDS=N  libFuzzer on function bodies through the whole pipeline
#   make fuzz FUZZ_SECONDS=N  libFuzzer on whole files through the whole pipeline
#   make valgrind  unit suites, a fixture subset and the CLI tests under memcheck
#   make install PREFIX=/usr/local DESTDIR=

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
LLVM_CONFIG ?= $(shell command -v llvm-config 2>/dev/null || ls /usr/bin/llvm-config-* 2>/dev/null | sort -V | tail -1)

CC ?= cc
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ifdef CI
WARN += -Werror
endif
OPT ?= -O2 -g
ifdef SANITIZE
OPT := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DTFG_VALIDATE_IR
BUILD := build-san
endif

# VALGRIND=1: the tests run the binary and the unit tests under valgrind
# (memcheck, following the per-file child processes); any invalid access
# or definite leak fails them with status 99. The suppressions are
# libclang's own leaks only (tests/valgrind/memcheck.supp).
VALGRIND_CMD := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
  --show-leak-kinds=definite --trace-children=yes --suppressions=$(abspath tests/valgrind/memcheck.supp)
ifdef VALGRIND
VG := $(VALGRIND_CMD)
endif

LLVM_INC = $(shell $(LLVM_CONFIG) --includedir 2>/dev/null)
LLVM_LIB = $(shell $(LLVM_CONFIG) --libdir 2>/dev/null)
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE -pthread $(WARN) $(OPT) -I$(LLVM_INC) -Isrc -I$(BUILD)/gen $(CFLAGS)
LDLIBS_ALL = -L$(LLVM_LIB) -Wl,-rpath,$(LLVM_LIB) -lclang -lcjson -pthread $(LDLIBS)

SRC := $(filter-out src/main.c,$(wildcard src/*/*.c))
OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRC)) $(BUILD)/obj/gen/docs.o
DOCS := $(sort $(wildcard rules/docs/*.md))
BIN := $(BUILD)/tfgradlint

.PHONY: fuzz fuzz-body fuzz-parsers fuzz-regressions valgrind
.PHONY: model-gen model-headers
.PHONY: all deps deps-sarif cli check check-tests unit golden golden-update fixtures fixtures-update demo oracle torch-dev check-real-headers bench install clean

all: $(BIN)

DEB_PACKAGES := libclang-dev libcjson-dev check pkg-config llvm
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*/*.h src/*.h src/*/*.def)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/tools/embed_docs: tools/embed_docs.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 $< -o $@

$(BUILD)/gen/docs.c: $(BUILD)/tools/embed_docs $(DOCS)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed_docs $@ $(DOCS)

$(BUILD)/obj/gen/docs.o: $(BUILD)/gen/docs.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libtfgradlint.a: $(OBJ)
	ar rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(BUILD)/libtfgradlint.a
	$(CC) $(CFLAGS_ALL) $^ $(LDLIBS_ALL) -o $@

# The SARIF Multitool (a .NET binary shipped in an npm package) validates
# --format sarif in tests/cli; without npm that test skips. npm may skip
# the package's chmod install script, so the bit is set here.
SARIF_TOOLS := build/tools
SARIF_MULTITOOL := $(SARIF_TOOLS)/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
deps-sarif:
	@if [ ! -e $(SARIF_MULTITOOL) ] && command -v npm >/dev/null; then \
	  echo "installing @microsoft/sarif-multitool into $(SARIF_TOOLS)"; \
	  mkdir -p $(SARIF_TOOLS) && npm install --silent --no-audit --no-fund --prefix $(SARIF_TOOLS) @microsoft/sarif-multitool >/dev/null \
	    || echo "could not install the SARIF Multitool; its test will be skipped"; \
	fi; [ ! -e $(SARIF_MULTITOOL) ] || chmod u+x $(SARIF_MULTITOOL)

# ---- tests ----
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(BUILD)/tests/unit_tests

$(UNIT_BIN): $(UNIT_SRC) tests/unit/suites.h $(BUILD)/libtfgradlint.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit $(UNIT_SRC) $(BUILD)/libtfgradlint.a $(LDLIBS_ALL) $(CHECK_LIBS) -o $@

$(BUILD)/tests/fixture_runner: tests/fixture_runner/fixture_runner.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $< -lcjson -o $@

# Tests keep their precompiled headers in the build tree, not in ~/.cache.
TEST_ENV = XDG_CACHE_HOME=$(abspath $(BUILD))/cache
# The sanitizer build ignores one leak inside libLLVM (tests/lsan.supp).
ifdef SANITIZE
TEST_ENV += LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0
endif
# The binary the tests run: itself, or a wrapper running it under valgrind.
ifdef VALGRIND
RUN_BIN := $(BUILD)/tfgradlint-vg
TEST_ENV += TFGRADLINT_UNDER_VALGRIND=1 CK_TIMEOUT_MULTIPLIER=50
else
RUN_BIN := $(BIN)
endif

$(BUILD)/tfgradlint-vg: $(BIN)
	printf '#!/bin/sh\nexec $(VALGRIND_CMD) %s "$$@"\n' "$(abspath $(BIN))" > $@ && chmod +x $@

# (Under valgrind, the binary the unit tests run is traced as their child.)
unit: $(UNIT_BIN) $(BIN)
	$(TEST_ENV) TFGRADLINT_BIN=$(abspath $(BIN)) TFGRADLINT_ROOT=$(CURDIR) $(VG) $(UNIT_BIN)

fixtures: $(RUN_BIN) $(BUILD)/tests/fixture_runner
	$(TEST_ENV) $(BUILD)/tests/fixture_runner $(RUN_BIN) fixtures

# Rewrites fixtures/**/snapshots/ from what the fixtures report now (after
# an intended change of a message, a column or a note; review the diff).
fixtures-update: $(BIN) $(BUILD)/tests/fixture_runner
	$(TEST_ENV) $(BUILD)/tests/fixture_runner --update $(BIN) fixtures

golden: $(RUN_BIN)
	$(TEST_ENV) bash tests/golden/run.sh $(RUN_BIN)

$(BUILD)/tests/jget: tests/cli/jget.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $< -lcjson -o $@

cli: $(RUN_BIN) $(BUILD)/tests/jget deps-sarif
	$(TEST_ENV) bash tests/cli/run.sh $(RUN_BIN) $(BUILD)/tests/jget

golden-update: $(BIN)
	$(TEST_ENV) bash tests/golden/run.sh $(BIN) --update

# Inputs that once crashed, hung or leaked (found by fuzzing, or hostile
# inputs of the bad-input matrix): each must be analysed or refused with a
# message, never crash.
fuzz-regressions: $(RUN_BIN)
	$(TEST_ENV) bash tests/fuzz/run_regressions.sh $(RUN_BIN)

# The LibTorch model headers parse (C++17 and C++20), declare every call
# name of the LibTorch model, and accept the generated op-call sample.
$(BUILD)/tests/check_model_headers: tests/model_headers/check_model_headers.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $< $(LDLIBS_ALL) -o $@

model-headers: $(BUILD)/tests/check_model_headers
	$(TEST_ENV) $(BUILD)/tests/check_model_headers rules c++17 c++20 -- tests/model_headers/op_calls.cpp \
	  tests/model_headers/option_calls.cpp tests/model_headers/module_calls.cpp

# Only `make deps`, `make demo` and `make check` install anything (with
# apt-get); plain `make` and the other targets build with what is there.
# The tests run in a sub-make, after deps has finished.
check: deps
	@$(MAKE) --no-print-directory check-tests
check-tests: unit golden fixtures model-headers cli fuzz-regressions

# memcheck over what runs in under 30 minutes here (tests/valgrind/run.sh,
# docs/testing.md "Memory check"): the unit suites, the fixtures listed in
# tests/valgrind/fixtures.txt (every rule of every framework, clean ones,
# partial parses, projects), the fuzz regressions and the CLI tests (the
# bad-input matrix among them), two parts at a time. Each process logs to
# build/valgrind/logs; any error or definite leak there, or any failed
# test, fails the target.
valgrind: $(BIN) $(UNIT_BIN) $(BUILD)/tests/fixture_runner $(BUILD)/tests/jget deps-sarif
	VALGRIND_CMD='$(VALGRIND_CMD)' bash tests/valgrind/run.sh $(BUILD)

demo: deps
	@$(MAKE) --no-print-directory $(BIN)
	@echo "$$ tfgradlint examples/train_nograd.cpp"
	@$(BIN) examples/train_nograd.cpp; status=$$?; echo "(exit status $$status)"; [ $$status -eq 1 ]

torch-dev:
	@dpkg-query -W -f='$${Status}' libtorch-dev 2>/dev/null | grep -q "install ok installed" || \
	  { SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libtorch-dev >/dev/null; }

oracle: torch-dev
	bash tests/oracle/run_oracle.sh

check-real-headers: $(BIN) torch-dev
	$(TEST_ENV) bash tests/real_headers/run.sh $(BIN)

bench: $(BIN) torch-dev
	bash tests/bench/bench.sh $(BIN)

# ---- fuzzing ----
# The library is rebuilt with clang, coverage instrumentation, ASan, UBSan
# and the IR validator into build-fuzz (docs/testing.md says how to run
# and read each target).
#   make fuzz FUZZ_SECONDS=N       whole files (a full parse each: slow)
#   make fuzz-body FUZZ_SECONDS=N  function bodies after a fixed PCH prefix
#   make fuzz-parsers FUZZ_RUNS=N  each of tfgradlint's own parsers, N runs
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 100000
FUZZ_BUILD := build-fuzz
FUZZ_OPT := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
  -fno-sanitize-recover=undefined -DTFG_VALIDATE_IR
FUZZ_LIB := $(FUZZ_BUILD)/libtfgradlint.a
FUZZ_BIN := $(FUZZ_BUILD)/fuzz_pipeline
FUZZ_BODY_BIN := $(FUZZ_BUILD)/fuzz_body
FUZZ_ENV := TFGRADLINT_DATADIR=$(CURDIR)/rules ASAN_OPTIONS=detect_leaks=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
FUZZ_FLAGS := -jobs=1 -workers=1 -print_final_stats=1

# (Guarded: the sub-make builds the same path with the ordinary rule.)
ifneq ($(BUILD),$(FUZZ_BUILD))
$(FUZZ_LIB): $(SRC) $(wildcard src/*/*.h src/*/*.def) $(DOCS)
	$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang OPT="$(FUZZ_OPT)" $(FUZZ_LIB)
endif

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB)
	clang -std=c11 -D_GNU_SOURCE -pthread $(FUZZ_OPT) -fsanitize=fuzzer -I$(LLVM_INC) -Isrc $< \
	  $(FUZZ_LIB) $(LDLIBS_ALL) -o $@

fuzz: $(FUZZ_BIN)
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/artifacts
	cp -n fixtures/*/*.cpp fixtures/*/*.c tests/fuzz/regressions/*.c* $(FUZZ_BUILD)/corpus/ 2>/dev/null || true
	cd $(FUZZ_BUILD) && $(FUZZ_ENV) FUZZ_PCH_DIR=$(CURDIR)/$(FUZZ_BUILD)/pch \
	  ./fuzz_pipeline -dict=$(CURDIR)/tests/fuzz/fuzz.dict \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 -max_len=16384 $(FUZZ_FLAGS) \
	  -artifact_prefix=artifacts/ corpus; status=$$?; cat fuzz-0.log; exit $$status

# One target per input format tfgradlint parses itself; figures per target.
FUZZ_PARSERS := config model compdb nolint options wire wire_encode include
fuzz-parsers: $(addprefix $(FUZZ_BUILD)/fuzz_,$(FUZZ_PARSERS))
	bash tests/fuzz/run_parsers.sh $(FUZZ_BUILD) $(FUZZ_RUNS) $(FUZZ_PARSERS)

# Seeds: the fixtures, each turned into a body that closes the wrapper.
fuzz-body: $(FUZZ_BODY_BIN)
	@mkdir -p $(FUZZ_BUILD)/corpus-body $(FUZZ_BUILD)/artifacts-body
	bash tests/fuzz/seeds_body.sh $(FUZZ_BUILD)/corpus-body
	cd $(FUZZ_BUILD) && $(FUZZ_ENV) FUZZ_PCH_DIR=$(CURDIR)/$(FUZZ_BUILD)/pch-body \
	  ./fuzz_body -dict=$(CURDIR)/tests/fuzz/fuzz.dict \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 -max_len=8192 $(FUZZ_FLAGS) \
	  -artifact_prefix=artifacts-body/ corpus-body; status=$$?; cat fuzz-0.log; exit $$status

# ---- the generated LibTorch model (developers only; see tools/model_gen/README.md) ----
# PYTORCH_NEWEST and PYTORCH_OLDEST are PyTorch source trees (or copies of
# their derivatives.yaml and native_functions.yaml), kept outside the repo.
PYTORCH_NEWEST ?= /work/cache/pytorch/v2.6.0
PYTORCH_NEWEST_LABEL ?= v2.6.0
PYTORCH_NEWEST_ORIGIN ?= Debian source package pytorch 2.6.0+dfsg-7, upstream tag v2.6.0
PYTORCH_OLDEST ?= /work/cache/pytorch/v1.13.1
PYTORCH_OLDEST_LABEL ?= v1.13.1
PYTORCH_OLDEST_ORIGIN ?= Debian source package pytorch 1.13.1+dfsg-4 (libtorch-dev in bookworm), upstream tag v1.13.1
model-gen:
	python3 tools/model_gen/gen.py --newest $(PYTORCH_NEWEST) --newest-label $(PYTORCH_NEWEST_LABEL) \
	  --newest-origin "$(PYTORCH_NEWEST_ORIGIN)" --oldest $(PYTORCH_OLDEST) --oldest-label $(PYTORCH_OLDEST_LABEL) \
	  --oldest-origin "$(PYTORCH_OLDEST_ORIGIN)" --out rules

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tfgradlint
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/tfgradlint
	install -m 644 rules/*.json $(DESTDIR)$(PREFIX)/share/tfgradlint/
	install -d $(DESTDIR)$(PREFIX)/share/tfgradlint/generated
	install -m 644 rules/generated/*.json $(DESTDIR)$(PREFIX)/share/tfgradlint/generated/
	cp -R rules/include $(DESTDIR)$(PREFIX)/share/tfgradlint/
	chmod -R a+rX $(DESTDIR)$(PREFIX)/share/tfgradlint

clean:
	rm -rf build build-san build-fuzz
