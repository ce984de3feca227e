/* glibc-types.h: the glibc headers whose types scripts/gen-glibc-types.sh
 * turns into src/abi/glibc_types.rs. Only types are taken (an allowlist in
 * the script); nothing here is compiled into the shim. */
#define _GNU_SOURCE
#include <argp.h>
#include <fts.h>
#include <locale.h>
#include <malloc.h>
#include <obstack.h>
#include <printf.h>
#include <pthread.h>
#include <regex.h>
#include <setjmp.h>
#include <ucontext.h>
