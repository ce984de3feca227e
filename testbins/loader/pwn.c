/* A user's LD_PRELOAD library: loaded after the shim for an ordinary
 * program, never for a setuid one. */
#include <stdio.h>
__attribute__((constructor)) static void pwn(void) { puts("PWNED by LD_PRELOAD"); fflush(stdout); }
