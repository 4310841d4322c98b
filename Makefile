# parkernels: the one build, no recursion into folders.
#   make          build bin/pk, bin/pk-run and (when mpicc exists) bin/pk-mpi
#   make run      install what is missing, build, run the default comparison
#   make check    install what is missing, build, run the unit and end-to-end tests
#   make deps     install the Debian packages parkernels needs (or print the apt-get line)
#   make bench    install the bench's references too, then measure against them (bench/README.md)
#   make install  PREFIX=/usr/local DESTDIR=
#   make clean
# V=1 shows full commands. Local settings (CC, MPICC, OPT, CFLAGS) go in config.mk.

-include config.mk

MPICC    ?= mpicc
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WERROR   ?=
OMPFLAGS ?= -fopenmp
PREFIX   ?= /usr/local
RUN      ?=
BLAS_LIBS ?= -lopenblas

BUILD := build
BIN   := bin

ALL_CFLAGS   = -std=c11 -Wall -Wextra $(WERROR) -pthread $(CFLAGS)
ALL_CPPFLAGS = -D_GNU_SOURCE -Icommon -Ikernels -Idrivers $(CPPFLAGS)
LDLIBS_ALL   = $(OMPFLAGS) -pthread -lm $(LDLIBS)

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

COMMON_SRC  := $(wildcard common/*.c)
KERNEL_SRC  := $(filter-out %/mpi.c,$(wildcard kernels/*/*.c)) kernels/case.c kernels/registry.c
MPI_SRC     := $(wildcard kernels/*/mpi.c) kernels/registry_mpi.c drivers/run_mpi.c
RUNNER_SRC  := drivers/runner.c drivers/opts.c
REPORT_SRC  := drivers/results.c drivers/report.c drivers/warn.c drivers/export.c
PK_SRC      := drivers/pk.c $(wildcard drivers/cmd_*.c) drivers/launch.c
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
.PHONY: all run check unit e2e deps bench bench-progs install clean FORCE

all: $(PROGRAMS)

# Per-model flags by object pattern, never by program.
$(BUILD)/kernels/%/openmp.o $(BUILD)/common/%_openmp.o: ALL_CFLAGS += $(OMPFLAGS)
$(BUILD)/kernels/%/mpi.o $(BUILD)/kernels/registry_mpi.o $(BUILD)/drivers/run_mpi.o: CC := $(MPICC)
$(BUILD)/tests/unit/%.o: ALL_CFLAGS += $(CHECK_CFLAGS)
# matmul's tile twice (kernels/matmul/block.c): portable, and for x86-64-v3 (AVX2) where the
# compiler can; matmul_rows() runs the second only on CPUs that have it. No FMA in either, so
# both give the same bits.
MATMUL_V3 := $(shell $(CC) -march=x86-64-v3 -E -x c /dev/null >/dev/null 2>&1 && echo yes)
$(BUILD)/kernels/matmul/block.o $(BUILD)/kernels/matmul/block_v3.o: ALL_CFLAGS += -ffp-contract=off
ifeq ($(MATMUL_V3),yes)
$(BUILD)/kernels/matmul/block_v3.o: ALL_CFLAGS += -march=x86-64-v3
$(BUILD)/kernels/matmul/block.o: ALL_CPPFLAGS += -DMATMUL_DISPATCH_V3
endif
$(BUILD)/tests/unit/%.o: ALL_CPPFLAGS += -DPK_BIN_DIR='"$(abspath $(BIN))"' -I$(BUILD)/tests

# version.h: the commit and flags that every result records; rewritten only when they change.
COMMIT := $(shell git describe --always --dirty 2>/dev/null || echo unknown)
$(BUILD)/version.h: FORCE
	@mkdir -p $(@D)
	@printf '#define PK_BUILD_COMMIT "%s"\n#define PK_BUILD_FLAGS "%s"\n' '$(COMMIT)' \
	  '$(subst ",,$(subst ',,$(CC) $(ALL_CFLAGS)))' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(BUILD)/common/context.o $(BUILD)/drivers/launch.o: $(BUILD)/version.h
$(BUILD)/common/context.o $(BUILD)/drivers/launch.o: ALL_CPPFLAGS += -I$(BUILD)

# FLAGS changes only when the flags do, so a flag change rebuilds everything, once.
$(BUILD)/FLAGS: FORCE
	@mkdir -p $(@D)
	@echo '$(CC) $(MPICC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(OMPFLAGS) $(LDLIBS_ALL)' | cmp -s - $@ || \
	  echo '$(CC) $(MPICC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(OMPFLAGS) $(LDLIBS_ALL)' > $@

$(BUILD)/%.o: %.c $(BUILD)/FLAGS
	@mkdir -p $(@D)
	$(call msg,CC,$@)
	$(Q)$(CC) $(ALL_CPPFLAGS) -MMD -MP $(ALL_CFLAGS) -c -o $@ $<

$(LIBPK): $(call obj,$(COMMON_SRC) $(KERNEL_SRC) $(RUNNER_SRC) $(REPORT_SRC))
	$(call msg,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN)/pk: $(call obj,$(PK_SRC)) $(LIBPK)
	@mkdir -p $(@D)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS_ALL)

$(BIN)/pk-run: $(call obj,drivers/run.c) $(LIBPK)
	@mkdir -p $(@D)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS_ALL)

$(BIN)/pk-mpi: $(call obj,$(MPI_SRC)) $(LIBPK)
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
BENCH_PROGS := $(BUILD)/bench/floors $(BUILD)/bench/dgemm
$(BUILD)/bench/floors.o: ALL_CFLAGS += $(OMPFLAGS)

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

run:
	@sh .ci/deps --if-missing
	@$(MAKE) --no-print-directory all
	$(BIN)/pk run $(RUN)

check:
	@sh .ci/deps --if-missing
	@$(MAKE) --no-print-directory all $(UNIT)
	@$(MAKE) --no-print-directory unit e2e

unit: $(UNIT) all
	$(UNIT)

e2e: all
	@sh tests/e2e/run-all

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(PROGRAMS) $(DESTDIR)$(PREFIX)/bin/

clean:
	rm -rf $(BUILD) $(BIN)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
