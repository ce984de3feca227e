/* A libloadertest.so in an attacker's LD_LIBRARY_PATH: a setuid program
 * must never load it. */
#include <stdio.h>
__attribute__((constructor)) static void pwn(void) { puts("PWNED by LD_LIBRARY_PATH"); fflush(stdout); }
const char *loadertest_name(void) { return "evil"; }
