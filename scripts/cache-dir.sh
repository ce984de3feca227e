# Sourced by the scripts: CACHE is where downloads live, outside the work
# tree so that a fresh clone (CI's) reuses them. Entries are keyed by name and
# version (musl-1.2.5, glibc-2.41, wheels/.done-<versions>), and every script
# refills what is missing, so nothing depends on the cache being there.
# The Makefile exports GCOMPAT_CACHE with the same default.
CACHE=${GCOMPAT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gcompat}
