/* One IFUNC: an R_X86_64_IRELATIVE relocation musl cannot apply. Under the
 * stub it must fail with musl's one-line error. */
#include <stdio.h>
static int impl(void) { return 7; }
static int (*resolve(void))(void) { return impl; }
int answer(void) __attribute__((ifunc("resolve")));
int main(void) { printf("%d\n", answer()); return 0; }
