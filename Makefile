# parkernels: the one build, no recursion into folders.
#   make          build bin/pk, bin/pk-run and (when mpicc exists) bin/pk-mpi
#   make run      install what is missing, build, run the default comparison
#   make check    install what is missing, build, run the unit and end-to-end tests
#   make check-slurm  as root, with slurm-wlm and munge: the hpc/slurm scripts on a local
#                 SLURM cluster of 2 nodes (hpc/testing/cluster)
#   make deps     install the Debian packages parkernels needs (or print the apt-get line)
#   make bench    install the bench's references too, then measure against them (bench/README.md)
#   make install  PREFIX=/usr/local DESTDIR= (programs, pk.1, bash completion, and under
#                 share/parkernels the kernel sources for pk show and the hpc/ scripts)
#   make uninstall  the same PREFIX and DESTDIR: removes exactly what install put
#   make readme-loc regenerate README's lines-of-code table from 'pk list --loc'
#   make asan | tsan | valgrind | fuzz | lint   reliability tools (README, "Testing and tools")
#   make clean
# V=1 shows full commands. Local settings (CC, MPICC, OPT, CFLAGS) go in config.mk.
# Toolchains (README, "Toolchains"): make CC=clang compiles every object with clang, the MPI
# ones too (through OMPI_CC / MPICH_CC); make MPI=mpich builds pk-mpi with mpicc.mpich, and pk
# then starts it with mpiexec.mpich and MPICH's flags. Give each its own BUILD= and BIN= to
# keep the builds side by side (make check-toolchains does).

-include config.mk

# MPI: the library pk-mpi links and pk launches it for: openmpi or mpich (MPICH and its
# derivatives: Intel MPI, Cray MPICH). By default the one the mpicc on PATH wraps.
on_path = $(shell command -v $(1) >/dev/null 2>&1 && echo $(1))
ifeq ($(MPI),mpich)
MPICC_DEFAULT   := $(or $(call on_path,mpicc.mpich),mpicc)
MPIEXEC_DEFAULT := $(or $(call on_path,mpiexec.mpich),mpiexec)
else ifeq ($(MPI),openmpi)
MPICC_DEFAULT   := $(or $(call on_path,mpicc.openmpi),mpicc)
MPIEXEC_DEFAULT := $(or $(call on_path,mpirun.openmpi),mpirun)
else ifeq ($(MPI),)
MPICC_DEFAULT   := mpicc
MPI := $(if $(shell $(or $(MPICC),mpicc) -v 2>&1 | grep -i -e mpich -e 'intel(r) mpi'),mpich,openmpi)
MPIEXEC_DEFAULT := $(if $(filter mpich,$(MPI)),mpiexec,mpirun)
else
$(error MPI=$(MPI): say openmpi or mpich)
endif
MPICC    ?= $(MPICC_DEFAULT)
MPIEXEC  ?= $(MPIEXEC_DEFAULT)
# A CC given to make (or config.mk) compiles the MPI objects too: the wrappers take it from these.
ifneq ($(origin CC),default)
export OMPI_CC ?= $(CC)
export MPICH_CC ?= $(CC)
endif
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WERROR   ?=
OMPFLAGS ?= -fopenmp
PREFIX   ?= /usr/local
RUN      ?=
BLAS_LIBS ?= -lopenblas

BUILD := build
BIN   := bin

# -ffp-contract=off last: no compiler may fuse a*b+c into one FMA (clang does by default, gcc
# under -std=gnu11), so the exact kernels give the same bits in every model, with every
# compiler and -march (README, "Toolchains").
ALL_CFLAGS   = -std=c11 -Wall -Wextra $(WERROR) -pthread $(CFLAGS) -ffp-contract=off
# The layers (README, "Layout"): drivers -> report, launch, show -> harness -> kernels -> runtime.
LAYERS       := runtime kernels harness report launch show drivers
ALL_CPPFLAGS = -D_GNU_SOURCE $(addprefix -I,$(LAYERS)) $(CPPFLAGS)
# clang's OpenMP reduction of a 16-byte type (polysum's u128) calls __atomic_* in libatomic.
IS_CLANG    := $(shell $(CC) --version 2>/dev/null | grep -q clang && echo yes)
LDLIBS_ALL   = $(OMPFLAGS) -pthread -lm $(if $(IS_CLANG),-latomic) $(LDLIBS)

HAVE_MPICC := $(shell command -v $(MPICC) 2>/dev/null)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)

ifeq ($(V),1)
Q :=
msg =
else
Q := @
msg = @printf '  %-6s %s\n' '$(1)' '$(2)';
endif

# One list per layer; drivers/ holds the programs: pk (pk.c, cmd_*.c), pk-run, pk-mpi.
RUNTIME_SRC := $(wildcard runtime/*.c runtime/models/*.c)
KERNEL_SRC  := $(filter-out %/mpi.c %/hybrid.c,$(wildcard kernels/*/*.c)) $(wildcard kernels/*.c)
HARNESS_SRC := $(wildcard harness/*.c)
MPI_SRC     := $(wildcard kernels/*/mpi.c kernels/*/hybrid.c) drivers/run_mpi.c $(MPI_EXTRA_SRC)
REPORT_SRC  := $(wildcard report/*.c show/*.c) launch/child.c launch/launch_flavour.c
PK_SRC      := drivers/pk.c $(wildcard drivers/cmd_*.c) launch/launch.c launch/launch_result.c \
               launch/launch_interp.c
UNIT_SRC    := $(wildcard tests/unit/*.c)

obj = $(patsubst %.c,$(BUILD)/%.o,$(1))
LIBPK := $(BUILD)/libpk.a

PROGRAMS := $(BIN)/pk $(BIN)/pk-run
ifneq ($(HAVE_MPICC),)
PROGRAMS += $(BIN)/pk-mpi
endif
UNIT := $(BUILD)/tests/unit-tests

.DELETE_ON_ERROR:
.SUFFIXES:
.SECONDARY:
.PHONY: all run check check-slurm unit e2e deps bench bench-progs install uninstall readme-loc clean FORCE asan \
        tsan valgrind fuzz lint check-toolchains

all: $(PROGRAMS) $(BIN)/pk-python

# Per-model flags by object pattern, never by program.
$(BUILD)/kernels/%/openmp.o $(BUILD)/runtime/%_openmp.o: ALL_CFLAGS += $(OMPFLAGS)
# (OBJCC, not CC: a CC given on the command line would override a target-specific CC.)
OBJCC = $(CC)
$(BUILD)/kernels/%/mpi.o $(BUILD)/drivers/run_mpi.o: OBJCC = $(MPICC)
$(BUILD)/kernels/%/hybrid.o: OBJCC = $(MPICC)
$(BUILD)/kernels/%/hybrid.o: ALL_CFLAGS += $(OMPFLAGS)
$(BUILD)/tests/unit/%.o: ALL_CFLAGS += $(CHECK_CFLAGS)
# matmul's tile twice (kernels/matmul/block.c): portable, and for x86-64-v3 (AVX2) where the
# compiler can; matmul_rows() runs the second only on CPUs that have it. No FMA in either, so
# both give the same bits.
MATMUL_V3 := $(shell $(CC) -march=x86-64-v3 -E -x c /dev/null >/dev/null 2>&1 && echo yes)
$(BUILD)/kernels/matmul/block.o $(BUILD)/kernels/matmul/block_v3.o: ALL_CFLAGS += -ffp-contract=off
ifeq ($(MATMUL_V3),yes)
$(BUILD)/kernels/matmul/block_v3.o: ALL_CFLAGS += -march=x86-64-v3
$(BUILD)/kernels/matmul/block.o $(BUILD)/tests/unit/check_matmul.o: \
  ALL_CPPFLAGS += -DMATMUL_DISPATCH_V3
endif
$(BUILD)/tests/unit/%.o: ALL_CPPFLAGS += -DPK_BIN_DIR='"$(abspath $(BIN))"' -I$(BUILD)/tests

# version.h: the commit and flags that every result records; rewritten only when they change.
COMMIT := $(shell git describe --always --dirty 2>/dev/null || echo unknown)
$(BUILD)/version.h: FORCE
	@mkdir -p $(@D)
	@printf '#define PK_BUILD_COMMIT "%s"\n#define PK_BUILD_FLAGS "%s"\n' '$(COMMIT)' \
	  '$(subst ",,$(subst ',,$(strip $(CC) $(ALL_CFLAGS))))' > $@.tmp
	@printf '#define PK_BUILD_MPI "%s"\n#define PK_BUILD_MPIEXEC "%s"\n' '$(MPI)' '$(MPIEXEC)' >> $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
VERSION_USERS := $(BUILD)/report/context.o $(BUILD)/launch/launch.o \
                 $(BUILD)/launch/launch_flavour.o $(BUILD)/drivers/pk.o
$(VERSION_USERS): $(BUILD)/version.h
$(VERSION_USERS): ALL_CPPFLAGS += -I$(BUILD)

# FLAGS changes only when the flags do, so a flag change rebuilds everything, once. Its text
# is fixed here, at parse time: in the recipe, ALL_CFLAGS would carry the target-specific
# additions of whichever object asked for FLAGS first (a unit test's -DPK_BIN_DIR), and the
# next make, asked in another order, rewrote FLAGS and rebuilt everything a second time.
FLAGS_TEXT := $(CC) $(MPICC) $(MPI) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(OMPFLAGS) $(LDLIBS_ALL)
$(BUILD)/FLAGS: FORCE
	@mkdir -p $(@D)
	@echo '$(FLAGS_TEXT)' | cmp -s - $@ || echo '$(FLAGS_TEXT)' > $@

$(BUILD)/%.o: %.c $(BUILD)/FLAGS
	@mkdir -p $(@D)
	$(call msg,CC,$@)
	$(Q)$(OBJCC) $(ALL_CPPFLAGS) -MMD -MP $(ALL_CFLAGS) -c -o $@ $<

# The kernel table's other builds (REGISTRY_PK, REGISTRY_MPI): kernels/registry.c, other flags.
$(BUILD)/kernels/registry-%.o: kernels/registry.c $(BUILD)/FLAGS
	@mkdir -p $(@D)
	$(call msg,CC,$@)
	$(Q)$(OBJCC) $(ALL_CPPFLAGS) -MMD -MP $(ALL_CFLAGS) -c -o $@ $<

$(LIBPK): $(call obj,$(RUNTIME_SRC) $(KERNEL_SRC) $(HARNESS_SRC) $(REPORT_SRC))
	$(call msg,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

# pk runs no kernel: its table (kernels/registry.c says how) names no model's code, and it links
# without OpenMP, so an object that would bring libgomp in fails the link.
# So are the model descriptors: their run-time hooks are NULL there (PK_MODEL_HOOK, model.h).
REGISTRY_PK := $(BUILD)/kernels/registry-pk.o
MODELS_PK   := $(patsubst %.c,$(BUILD)/%-pk.o,$(wildcard runtime/models/*.c))
$(REGISTRY_PK) $(MODELS_PK): ALL_CPPFLAGS += -DPK_WITHOUT_MODELS
$(MODELS_PK): ALL_CFLAGS += -Wno-unused-function
$(BUILD)/runtime/models/%-pk.o: runtime/models/%.c $(BUILD)/FLAGS
	@mkdir -p $(@D)
	$(call msg,CC,$@)
	$(Q)$(OBJCC) $(ALL_CPPFLAGS) -MMD -MP $(ALL_CFLAGS) -c -o $@ $<

$(BIN)/pk: $(call obj,$(PK_SRC)) $(REGISTRY_PK) $(MODELS_PK) $(LIBPK)
	@mkdir -p $(@D)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ -pthread -lm $(LDLIBS)

$(BIN)/pk-run: $(call obj,drivers/run.c) $(LIBPK)
	@mkdir -p $(@D)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS_ALL)

# The interpreted models' runner (python, python-threads: runtime/models/python*.c): it finds
# drivers/pk_python_team.py and kernels/*/python.py from bin/, or installed under share/parkernels.
$(BIN)/pk-python: drivers/pk-python.py
	@mkdir -p $(@D)
	$(call msg,COPY,$@)
	$(Q)install -m 755 $< $@

# pk-mpi's kernel table: kernels/registry.c again, with the mpi and hybrid entry points (it
# says why); linked before libpk, so the archive's copy (pk-run's) is never pulled in.
REGISTRY_MPI := $(BUILD)/kernels/registry-mpi.o
$(REGISTRY_MPI): OBJCC = $(MPICC)
$(REGISTRY_MPI): ALL_CPPFLAGS += -DPK_WITH_MPI

$(BIN)/pk-mpi: $(call obj,$(MPI_SRC)) $(REGISTRY_MPI) $(LIBPK)
	@mkdir -p $(@D)
	$(call msg,LINK,$@)
	$(Q)$(MPICC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS_ALL)

# The unit-test runner adds one suite per tests/unit/check_<area>.c, found here.
$(BUILD)/tests/suites.h: $(BUILD)/FLAGS $(wildcard tests/unit/check_*.c)
	@mkdir -p $(@D)
	$(Q)for f in $(sort $(wildcard tests/unit/check_*.c)); do \
	  n=$${f##*/check_}; echo "PK_SUITE($${n%.c})"; done > $@

$(BUILD)/tests/unit/main.o: $(BUILD)/tests/suites.h

$(UNIT): $(call obj,$(UNIT_SRC)) $(LIBPK)
	@mkdir -p $(@D)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(CHECK_LIBS) $(LDLIBS_ALL)

deps:
	@sh .ci/deps

# The bench's own reference programs (bench/README.md); not part of 'all': dgemm needs OpenBLAS.
BENCH_PROGS := $(BUILD)/bench/floors $(BUILD)/bench/dgemm $(BUILD)/bench/rss
$(BUILD)/bench/floors.o: ALL_CFLAGS += $(OMPFLAGS)
$(BUILD)/bench/rss.o: ALL_CPPFLAGS += -Ikernels

$(BUILD)/bench/rss: $(BUILD)/bench/rss.o $(LIBPK)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(OMPFLAGS) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/bench/floors: $(BUILD)/bench/floors.o $(LIBPK)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/bench/dgemm: $(BUILD)/bench/dgemm.o $(LIBPK)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(BLAS_LIBS) $(LDLIBS_ALL)

bench-progs: $(BENCH_PROGS)

# Not part of check: it takes tens of minutes and asserts nothing (BENCH_CLASS=B for class B).
bench:
	@sh .ci/deps --bench --if-missing
	@$(MAKE) --no-print-directory all bench-progs
	@sh bench/run

# make run keeps what it measured: RUN_RESULTS (default results/run-DATE.csv, ignored by git).
RUN_STAMP   := $(shell date +%Y-%m-%dT%H%M%S)
RUN_RESULTS ?= results/run-$(RUN_STAMP).csv
# Then, unless RUN says otherwise, a second section (RUN_PYTHON): the tutorial's job at its size
# in every available model, C and Python (python, python-threads) alike, into RUN_PY_RESULTS.
ifeq ($(RUN),)
RUN_PYTHON ?= polysum -n 1e6 -p 1,2
endif
RUN_PY_RESULTS ?= $(RUN_RESULTS:.csv=)-python.csv
run:
	@sh .ci/deps --run --if-missing
	@$(MAKE) --no-print-directory all
	@mkdir -p "$$(dirname '$(RUN_RESULTS)')"
	@$(BIN)/pk run -o '$(RUN_RESULTS)' $(RUN); rc=$$?; files='$(RUN_RESULTS)'; \
	  if [ -n '$(RUN_PYTHON)' ]; then \
	    models=$$($(BIN)/pk list | awk '/^models/ {on = 1; next} /^$$/ {on = 0} \
	      on && $$2 == "available" {printf "%s%s", n++ ? "," : "", $$1}'); \
	    echo "make run: $(RUN_PYTHON) in every available model, C and Python"; \
	    $(BIN)/pk run -o '$(RUN_PY_RESULTS)' -m "$$models" $(RUN_PYTHON) || rc=1; \
	    files="$$files $(RUN_PY_RESULTS)"; fi; \
	  if [ -s '$(RUN_RESULTS)' ]; then echo "make run: results in $$files; next:" \
	    "$(BIN)/pk report $(RUN_RESULTS)  or  $(BIN)/pk plot $(RUN_RESULTS) -o plots"; fi; \
	  exit $$rc

check:
	@sh .ci/deps --if-missing
	@$(MAKE) --no-print-directory all $(UNIT)
	@$(MAKE) --no-print-directory unit e2e

unit: $(UNIT) all
	$(UNIT)

# E2E=t102-hybrid.sh... runs only those scripts.
e2e: all
	@PK_BIN_DIR=$(abspath $(BIN)) sh tests/e2e/run-all $(E2E)

# make check-toolchains (README, "Toolchains"): beside the default build, a clang + libomp build
# (with -march=native, where clang once fused an FMA that broke exactness) with its whole make
# check, an MPICH build with the unit tests and the e2e scripts that start MPI ranks, and a gcc
# -O3 -march=native build (warnings-clean: -O3 warns where -O2 does not); then t130 checks
# that every exact kernel gives the same bits in all four.
CLANG_CFLAGS ?= $(OPT) -g -march=native
MPICH_E2E    ?= t001-cli-bad-input.sh t003-cli-bad-table.sh t101-run-class-S.sh t102-hybrid.sh \
                t201-polysum-tutorial.sh t203-square-known-hash.sh t401-faults.sh
check-toolchains: all
	@sh .ci/deps --toolchains --if-missing
	@echo "toolchains: clang + libomp, Open MPI (bin-clang)"
	@$(MAKE) --no-print-directory CC=clang CFLAGS='$(CLANG_CFLAGS)' BUILD=build-clang \
	  BIN=bin-clang check
	@echo "toolchains: gcc, MPICH (bin-mpich)"
	@$(MAKE) --no-print-directory MPI=mpich BUILD=build-mpich BIN=bin-mpich all \
	  build-mpich/tests/unit-tests
	build-mpich/tests/unit-tests
	@$(MAKE) --no-print-directory MPI=mpich BUILD=build-mpich BIN=bin-mpich e2e E2E='$(MPICH_E2E)'
	@echo "toolchains: gcc -O3 -march=native, Open MPI (bin-o3)"
	@$(MAKE) --no-print-directory OPT='-O3 -march=native' BUILD=build-o3 BIN=bin-o3 all
	@echo "toolchains: exact kernels across $(BIN) bin-clang bin-mpich bin-o3"
	@PK_TOOLCHAIN_BINS='$(BIN) bin-clang bin-mpich bin-o3' bash tests/e2e/t130-toolchains.sh

# Reliability tools (README, "Testing and tools"). Each sanitizer builds its own build-X/ and
# bin-X/ (BUILD and BIN given to a second make), so no object mixes with the normal build.
SAN_CFLAGS  = -O1 -g -fno-omit-frame-pointer
ASAN_CFLAGS = $(SAN_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all
SAN_DIR     = $(CURDIR)/tests/sanitizers
# handle_segv=0: PK_FAULT=crash raises SIGSEGV on purpose and the tests expect the worker to
# die of the signal, not of ASan's handler exiting 1 (a bad access is still caught where it
# happens). CK_TIMEOUT_MULTIPLIER: fork and exit cost more under ASan.
LSAN_SUPP = suppressions=$(SAN_DIR)/lsan.supp:print_suppressions=0
ASAN_ENV  = ASAN_OPTIONS=handle_segv=0:detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS=$(LSAN_SUPP) CK_TIMEOUT_MULTIPLIER=10 PK_BIN_DIR=$(CURDIR)/bin-asan

# make asan: every unit suite and every e2e script against AddressSanitizer + UBSan builds of
# the library, pk, pk-run and pk-mpi (the unit tests start those through PK_BIN_DIR); then every
# kernel's mpi model once with the leak check on in the ranks (lsan_mpi.c says why only once).
# Open MPI leaks at MPI_Finalize: lsan.supp names its libraries, and as they have no frame
# pointers, only the slow unwinder (fast_unwind_on_malloc=0) reaches a frame that names them.
asan:
	@$(MAKE) --no-print-directory BUILD=build-asan BIN=bin-asan CFLAGS='$(ASAN_CFLAGS)' \
	  MPI_EXTRA_SRC=tests/sanitizers/lsan_mpi.c all build-asan/tests/unit-tests
	$(ASAN_ENV) build-asan/tests/unit-tests
	@$(ASAN_ENV) sh tests/e2e/run-all
	@if [ -x bin-asan/pk-mpi ]; then echo "asan: every kernel's mpi model, leak-checked"; \
	  $(ASAN_ENV) LSAN_OPTIONS=$(LSAN_SUPP):fast_unwind_on_malloc=0 PK_MPI_LEAK_CHECK=1 \
	  bin-asan/pk run -c S -m mpi -p 3 -r 2 -w 1 -q; fi

# make tsan: ThreadSanitizer over the threads and fork models: the kernels suite's threads and
# fork cases (every kernel, parameter choice, p and size; histogram's --sync none among them,
# whose lost updates are relaxed atomics, so race-free in C11's sense and TSan-clean without a
# suppression), the pools and the injected faults. OpenMP is left out: libgomp is not built
# with TSan, which cannot see its barriers and would report every openmp run as racing.
TSAN_CFLAGS = $(SAN_CFLAGS) -fsanitize=thread
TSAN_ENV    = TSAN_OPTIONS=handle_segv=0 CK_TIMEOUT_MULTIPLIER=10

tsan:
	@$(MAKE) --no-print-directory BUILD=build-tsan BIN=bin-tsan CFLAGS='$(TSAN_CFLAGS)' \
	  build-tsan/tests/unit-tests
	$(TSAN_ENV) CK_RUN_SUITE=kernels CK_RUN_CASE=threads build-tsan/tests/unit-tests
	$(TSAN_ENV) CK_RUN_SUITE=kernels CK_RUN_CASE=fork build-tsan/tests/unit-tests
	$(TSAN_ENV) CK_RUN_SUITE=forkpool build-tsan/tests/unit-tests
	$(TSAN_ENV) CK_RUN_SUITE=faults build-tsan/tests/unit-tests

# make valgrind: memcheck over the normal build, zero errors and no definite leak allowed:
# (1) the kernels suite's serial, threads and fork cases (every kernel, parameter choice,
# p in 1 2 3 4 7 and four sizes up to class S), each test in its own Check child and every fork
# worker followed through fork; (2) tests/sanitizers/valgrind-runners.sh: pk itself, and pk-run
# traced through exec, for every kernel x {serial, threads 3, fork 3} at class S, then pk
# report and pk compare reading the results back. OpenMP and mpi are not covered.
VALGRIND = valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
  --show-leak-kinds=definite

valgrind: all $(UNIT)
	@for c in serial threads fork; do echo "valgrind: kernels suite, $$c case"; \
	  CK_RUN_SUITE=kernels CK_RUN_CASE=$$c CK_TIMEOUT_MULTIPLIER=20 $(VALGRIND) $(UNIT) || exit 1; \
	done
	@PK_BIN_DIR=$(BIN) sh tests/sanitizers/valgrind-runners.sh

# make fuzz: each libFuzzer harness tests/fuzz/fuzz_T.c (clang, ASan + UBSan) for FUZZ_TIME
# seconds, from its committed seeds in tests/fuzz/T/ and words in tests/fuzz/T.dict; what it
# adds goes to build-fuzz/corpus/T, a failing input to build-fuzz/T-crash-*.
FUZZ_TIME    ?= 30
FUZZ_CFLAGS   = $(SAN_CFLAGS) -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

$(BUILD)/tests/fuzz/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $(LIBPK)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS_ALL)

fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz BIN=bin-fuzz CC=clang \
	  CFLAGS='$(FUZZ_CFLAGS)' $(FUZZ_TARGETS:%=build-fuzz/tests/fuzz/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus/$$t; echo "fuzz: $$t for $(FUZZ_TIME) s"; \
	  if ! build-fuzz/tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
	    -dict=tests/fuzz/$$t.dict -artifact_prefix=build-fuzz/$$t- \
	    build-fuzz/corpus/$$t tests/fuzz/$$t \
	    >build-fuzz/$$t.log 2>&1; then tail -40 build-fuzz/$$t.log; exit 1; fi; \
	  grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' build-fuzz/$$t.log; \
	done

# make lint: cppcheck, then clang-tidy (.clang-tidy lists its checks, and why some are off),
# over every C file; both must be silent. Findings are fixed, or suppressed in place with the
# reason. cppcheck: -D_Noreturn because 2.10 does not read C11's keyword (and so thought
# pk_usage_error returns); variableScope off: declarations sit at the top of a function here,
# as in the Linux style that STYLE.md follows.
LINT_SRC = $(filter-out $(if $(HAVE_MPICC),,$(MPI_SRC)),$(sort $(wildcard $(addsuffix /*.c,$(LAYERS)) \
  runtime/models/*.c kernels/*/*.c tests/unit/*.c tests/fuzz/*.c tests/sanitizers/*.c)))
LINT_CPPFLAGS = $(ALL_CPPFLAGS) -I$(BUILD) -I$(BUILD)/tests \
  $(filter -I%,$(shell $(MPICC) -show 2>/dev/null)) # Open MPI's and MPICH's wrappers both -show

lint: $(BUILD)/version.h $(BUILD)/tests/suites.h
	cppcheck --error-exitcode=1 --inline-suppr --quiet --std=c11 -j2 \
	  --enable=warning,style,performance,portability --suppress=variableScope \
	  '-D_Noreturn=__attribute__((noreturn))' $(LINT_CPPFLAGS) $(LINT_SRC)
	@echo "clang-tidy: $(words $(LINT_SRC)) files"
	@printf '%s\n' $(LINT_SRC) | xargs -P2 -I{} sh -c \
	  'clang-tidy --quiet {} -- -std=c11 -fopenmp $(LINT_CPPFLAGS) 2>/dev/null || { \
	   echo "clang-tidy: {} has findings"; exit 1; }'

# README's lines-of-code table (between its "loc:" markers), from pk list --loc;
# tests/e2e/t321-readme-loc.sh fails when it is stale.
readme-loc: all
	$(Q)$(BIN)/pk list --loc | awk '/^kernel / {on = 1} on {print "    " $$0} /^median / {exit}' \
	  >README.md.loc
	$(Q)awk 'FNR == NR {t = t $$0 "\n"; next} /^<!-- loc: end/ {printf "%s", t; skip = 0} \
	  !skip {print} /^<!-- loc: generated/ {skip = 1}' README.md.loc README.md >README.md.new
	$(Q)rm -f README.md.loc && mv README.md.new README.md

check-slurm: all
	@bash hpc/testing/check-slurm

# The hpc/ files a cluster user needs, installed under share/parkernels/hpc.
HPC_FILES := hpc/README.md hpc/submit hpc/testing/cluster $(wildcard hpc/slurm/*.sbatch) \
             hpc/slurm/lib.sh $(wildcard hpc/presets/*.sh hpc/plans/*.txt)
SHARE := $(DESTDIR)$(PREFIX)/share

# The kernels' sources go along, for 'pk show' and 'pk list --loc' (pk looks in ../share).
KERNEL_SHARE := $(wildcard kernels/*/*.c kernels/*/*.h kernels/*/*.py kernels/*/README.md)
COMPLETIONS  := $(SHARE)/bash-completion/completions
# Every file 'make install' puts, below PREFIX: 'make uninstall' removes exactly these.
# (bin/pk-mpi always: uninstall may run where mpicc, which decides whether it is built, is not)
INSTALLED := $(sort $(PROGRAMS:$(BIN)/%=bin/%) bin/pk-mpi) bin/pk-python share/man/man1/pk.1 \
             share/bash-completion/completions/pk share/parkernels/python/pk_python_team.py \
             $(addprefix share/parkernels/,$(KERNEL_SHARE) $(HPC_FILES))

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/man/man1 $(COMPLETIONS)
	install -m 755 $(PROGRAMS) $(BIN)/pk-python $(DESTDIR)$(PREFIX)/bin/
	install -D -m 644 drivers/pk_python_team.py $(SHARE)/parkernels/python/pk_python_team.py
	install -m 644 drivers/pk.1 $(SHARE)/man/man1/pk.1
	install -m 644 drivers/pk.bash-completion $(COMPLETIONS)/pk
	$(Q)for f in $(KERNEL_SHARE); do \
	  install -D -m 644 $$f $(DESTDIR)$(PREFIX)/share/parkernels/$$f || exit 1; done
	$(Q)for f in $(HPC_FILES); do \
	  install -D -m $$(test -x $$f && echo 755 || echo 644) $$f $(SHARE)/parkernels/$$f || exit 1; \
	done

# The files, then the folders under share/parkernels that are left empty; folders that other
# packages share (bin, man1, completions) stay.
uninstall:
	$(Q)for f in $(INSTALLED); do rm -f "$(DESTDIR)$(PREFIX)/$$f" || exit 1; done
	$(Q)if [ -d "$(SHARE)/parkernels" ]; then \
	  find "$(SHARE)/parkernels" -depth -type d -empty -delete; fi

clean:
	rm -rf $(BUILD) $(BIN) build-asan bin-asan build-tsan bin-tsan build-fuzz bin-fuzz \
	  build-clang bin-clang build-mpich bin-mpich

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
