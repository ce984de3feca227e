/* glibc-types.h: the glibc headers whose types scripts/gen-glibc-types.sh
 * turns into src/abi/glibc_types.rs. Only types are taken (an allowlist in
 * the script); nothing here is compiled into the shim. */
#define _GNU_SOURCE
#include <argp.h>
#include <dlfcn.h>
#include <fts.h>
#include <locale.h>
#include <link.h>
#include <malloc.h>
#include <netdb.h>
#include <obstack.h>
#include <printf.h>
#include <pthread.h>
#include <regex.h>
#include <resolv.h>
#include <setjmp.h>
#include <ttyent.h>
#include <ucontext.h>
