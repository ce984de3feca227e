# The front door distributions expect:
#   make                 build target/gcompat/libgcompat.so.0 and the loader stub
#                        (target/gcompat/ld-linux-x86-64.so.2)
#   make check           every test (installs what the tests need first)
#   make install DESTDIR=... PREFIX=... LIBDIR=...
#   make setup           install build and test dependencies (idempotent)
#   make bench-loader    start-up time through the loader stub (a benchmark, not a test)
#   make bench-regex     regex throughput, glibc vs musl + shim (a benchmark, not a test)
#   make demo            run a real glibc program (Debian's /bin/echo) on musl 1.2.5
#   make bench           benchmarks: they print figures, they assert nothing
#   make fuzz            differential fuzzing, glibc vs musl + shim (a tool, not a
#                        test): FUZZ_TIME=seconds (default 600), FUZZ_SEED=n;
#                        findings are appended to tests/fuzz/regressions.txt

# Downloads (musl, glibc sysroots, wheels) live outside the work tree, keyed by
# name and version, so a fresh clone reuses them (scripts/cache-dir.sh).
export GCOMPAT_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/gcompat

PREFIX  ?= /usr
LIBDIR  ?= /lib
DESTDIR ?=
CARGO   ?= cargo
CC_MUSL ?= x86_64-linux-musl-gcc
# musl's libc.so to link against (names resolve at run time to whichever
# musl runs the program; DT_NEEDED is "libc.so", a name musl maps to itself).
MUSL_LIBDIR ?= /usr/lib/x86_64-linux-musl $(wildcard /lib/x86_64-linux-musl)

TARGET  := x86_64-unknown-linux-musl
OUT     := target/gcompat
ARCHIVE := target/$(TARGET)/release/libgcompat.a
SHIM    := $(OUT)/libgcompat.so.0

# The loader stub (stub/): glibc's interpreter name and directory per
# architecture, and the paths compiled into it. x86_64 is built and tested;
# aarch64's names are here for when its start-up code is written.
ARCH ?= $(firstword $(subst -, ,$(TARGET)))
GLIBC_LD_x86_64   := ld-linux-x86-64.so.2
GLIBC_LD_DIR_x86_64 := /lib64
GLIBC_LD_aarch64  := ld-linux-aarch64.so.1
GLIBC_LD_DIR_aarch64 := /lib
GLIBC_LD     := $(GLIBC_LD_$(ARCH))
GLIBC_LD_DIR := $(GLIBC_LD_DIR_$(ARCH))
MUSL_LOADER ?= /lib/ld-musl-$(ARCH).so.1
SHIM_PATH   ?= $(LIBDIR)/libgcompat.so.0
STUB        := $(OUT)/$(GLIBC_LD)

# glibc library names musl's loader does not map to itself, whose glibc
# exports the shim carries: links to the shim, beside it in $(OUT) and in
# $(LIBDIR). musl's loader sees the same file (device and inode) and loads it
# once. libcrypt.so.1: musl has crypt and crypt_r; libxcrypt's XCRYPT_2.0
# extras (crypt_gensalt, crypt_ra, ...) are not glibc names and not exported.
LIBNAMES := libresolv.so.2 libcrypt.so.1 libanl.so.1

# glibc's default thread stack is the stack rlimit (8 MiB here); musl raises its
# own 128 KiB default to the largest PT_GNU_STACK size loaded at start-up.
# --eh-frame-hdr: unwinders (libgcc's, for backtrace and C++ exceptions)
# find the shim's own frames through PT_GNU_EH_FRAME.
# -Bsymbolic-functions: the shim's calls to its own exports bind at link
# time. Every symbol relocation is a lookup through the program, the shim
# and musl at every start (musl binds them all then): a hundred fewer
# (callgrind: 351k -> 318k start-up instructions). Data stays interposable:
# copy-relocated variables must reach the program's copy.
LDFLAGS_SHIM := -shared -nostdlib -Wl,-soname,libgcompat.so.0 \
	-Wl,--version-script=$(OUT)/gcompat.map -Wl,-z,stack-size=8388608 \
	-Wl,--gc-sections -Wl,-z,relro -Wl,-z,now -Wl,--hash-style=both \
	-Wl,-z,noexecstack -Wl,--no-undefined -Wl,--strip-debug \
	-Wl,--eh-frame-hdr -Wl,-Bsymbolic-functions

.PHONY: all setup check test demo bench install clean bench-loader bench-regex fuzz
all: $(SHIM) $(STUB)

setup:
	./scripts/setup.sh

$(OUT)/gcompat.map $(OUT)/exports.ld: scripts/gen-link.sh $(wildcard symbols/*.txt)
	./scripts/gen-link.sh symbols $(OUT)

# cargo decides itself whether the archive is stale.
$(ARCHIVE): FORCE
	$(CARGO) build --release --locked --target $(TARGET) -p gcompat

$(SHIM): $(ARCHIVE) $(OUT)/gcompat.map $(OUT)/exports.ld
	$(CC_MUSL) $(LDFLAGS_SHIM) -o $@.tmp $(OUT)/exports.ld $(ARCHIVE) \
		$(addprefix -L,$(MUSL_LIBDIR)) -lc $(shell $(CC_MUSL) -print-libgcc-file-name)
	mv $@.tmp $@
	ln -sf libgcompat.so.0 $(OUT)/libgcompat.so
	for n in $(LIBNAMES); do ln -sfn libgcompat.so.0 $(OUT)/$$n; done

# The stub's paths are compiled in; cargo rebuilds when they change.
$(STUB): FORCE
	GCOMPAT_MUSL_LOADER=$(MUSL_LOADER) GCOMPAT_SHIM=$(SHIM_PATH) \
		$(CARGO) build --release --locked --target $(TARGET) -p gcompat-ld
	cp target/$(TARGET)/release/gcompat-ld $@.tmp
	mv $@.tmp $@

# The shim's unit tests run on the host; everything else tests the built
# library: its exports, and glibc programs under glibc vs musl + shim.
HOST := $(shell rustc -vV | sed -n 's/^host: //p')
check test: setup all
	$(CARGO) test --locked -p gcompat --lib --target $(HOST)
	GCOMPAT_SO=$(abspath $(SHIM)) $(CARGO) test --locked -p gcompat-tests
	@d=$$(mktemp -d) && $(MAKE) -s install DESTDIR=$$d >/dev/null && \
	  cmp $(SHIM) $$d/lib/libgcompat.so.0 && \
	  for n in $(LIBNAMES); do [ "$$(readlink $$d/lib/$$n)" = libgcompat.so.0 ] || \
	    { echo "install: lib/$$n is not a link to libgcompat.so.0"; exit 1; }; done && \
	  rm -rf $$d && \
	  echo "install: make install DESTDIR= leaves lib/libgcompat.so.0 and links $(LIBNAMES)"

# Runs a real glibc program, Debian's own /bin/echo, on musl 1.2.5 with the shim.
MUSL_125 := $(GCOMPAT_CACHE)/musl-1.2.5/usr/lib/x86_64-linux-musl/libc.so
demo: setup all
	$(MUSL_125) --preload $(SHIM) /bin/echo "Debian's glibc echo, running on musl 1.2.5 through libgcompat"
	@printf 'echo asks for: '; readelf -W --dyn-syms /bin/echo | grep -o '__[a-z_]*_chk@GLIBC[0-9_.]*' | sort -u | tr '\n' ' '; echo

bench: setup all
	./scripts/bench-calls.sh
	./scripts/bench-regex.sh

# Alpine gcompat's layout: the shim and the stub in $(LIBDIR), glibc's
# interpreter path linking to the stub, and $(LIBNAMES) linking to the shim.
install: all
	install -d $(DESTDIR)$(LIBDIR)
	install -m 755 $(SHIM) $(DESTDIR)$(LIBDIR)/libgcompat.so.0
	for n in $(LIBNAMES); do ln -sfn libgcompat.so.0 $(DESTDIR)$(LIBDIR)/$$n; done
	install -m 755 $(STUB) $(DESTDIR)$(LIBDIR)/$(GLIBC_LD)
	if [ "$(GLIBC_LD_DIR)" != "$(LIBDIR)" ]; then \
		install -d $(DESTDIR)$(GLIBC_LD_DIR) && \
		ln -sfn ../$(patsubst /%,%,$(LIBDIR))/$(GLIBC_LD) $(DESTDIR)$(GLIBC_LD_DIR)/$(GLIBC_LD); \
	fi

# Start-up time of a trivial glibc program through the stub (in a chroot),
# under glibc, and through `ld-musl --preload`: medians over many spawns.
bench-loader: setup all
	./scripts/bench-loader.sh

# Regex match throughput of a glibc program under glibc and on musl + shim.
bench-regex: setup all
	./scripts/bench-regex.sh

# Differential fuzzing for FUZZ_TIME seconds (tests/fuzz.rs); `make check`
# runs a fixed-seed short pass of the same harness.
FUZZ_TIME ?= 600
fuzz: setup all
	FUZZ_TIME=$(FUZZ_TIME) GCOMPAT_SO=$(abspath $(SHIM)) $(CARGO) test --locked -p gcompat-tests --test fuzz

clean:
	$(CARGO) clean

FORCE:
