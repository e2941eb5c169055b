# tfgradlint: build, test, demo and install.
#
#   make deps    install build and test dependencies with apt-get (idempotent)
#   make         build build/tfgradlint
#   make check   unit, golden, fixture and CLI tests (SANITIZE=1: ASan + UBSan build)
#   make demo    run the tool on a bundled buggy training file
#   make oracle  compile and run every LibTorch fixture against libtorch-dev
#   make check-real-headers  same findings with libtorch-dev's headers as with the model headers
#   make bench   speed and memory vs clang -fsyntax-only and clang-tidy (ratios; not a test)
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

LLVM_INC = $(shell $(LLVM_CONFIG) --includedir 2>/dev/null)
LLVM_LIB = $(shell $(LLVM_CONFIG) --libdir 2>/dev/null)
CFLAGS_ALL = -std=c11 -D_GNU_SOURCE -pthread $(WARN) $(OPT) -I$(LLVM_INC) -Isrc -I$(BUILD)/gen $(CFLAGS)
LDLIBS_ALL = -L$(LLVM_LIB) -Wl,-rpath,$(LLVM_LIB) -lclang -lcjson -pthread $(LDLIBS)

SRC := $(filter-out src/main.c,$(wildcard src/*/*.c))
OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRC)) $(BUILD)/obj/gen/docs.o
DOCS := $(sort $(wildcard rules/docs/*.md))
BIN := $(BUILD)/tfgradlint

.PHONY: all deps deps-sarif cli check unit golden golden-update fixtures demo oracle torch-dev check-real-headers bench install clean

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

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*/*.h src/*.h src/rules/rules.def) | deps
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

$(BUILD)/tests/fixture_runner: tests/fixture_runner/fixture_runner.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $< -lcjson -o $@

# Tests keep their precompiled headers in the build tree, not in ~/.cache.
TEST_ENV = XDG_CACHE_HOME=$(abspath $(BUILD))/cache

unit: $(UNIT_BIN) $(BIN)
	$(TEST_ENV) TFGRADLINT_BIN=$(abspath $(BIN)) TFGRADLINT_ROOT=$(CURDIR) $(UNIT_BIN)

fixtures: $(BIN) $(BUILD)/tests/fixture_runner
	$(TEST_ENV) $(BUILD)/tests/fixture_runner $(BIN) fixtures

golden: $(BIN)
	$(TEST_ENV) bash tests/golden/run.sh $(BIN)

$(BUILD)/tests/jget: tests/cli/jget.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $< -lcjson -o $@

cli: $(BIN) $(BUILD)/tests/jget deps-sarif
	bash tests/cli/run.sh $(BIN) $(BUILD)/tests/jget

golden-update: $(BIN)
	$(TEST_ENV) bash tests/golden/run.sh $(BIN) --update

check: unit golden fixtures cli

demo: $(BIN)
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

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tfgradlint
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/tfgradlint
	install -m 644 rules/*.json $(DESTDIR)$(PREFIX)/share/tfgradlint/
	cp -R rules/include $(DESTDIR)$(PREFIX)/share/tfgradlint/
	chmod -R a+rX $(DESTDIR)$(PREFIX)/share/tfgradlint

clean:
	rm -rf build build-san
