/* Linked against glibc's loader by name (DT_NEEDED ld-linux-x86-64.so.2):
 * that DT_NEEDED must bind to musl's loader, once. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
static int count(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    const char *slash = strrchr(info->dlpi_name, '/');
    if (strcmp(slash ? slash + 1 : info->dlpi_name, "ld-linux-x86-64.so.2") == 0) ++*(int *)data;
    return 0;
}
int main(void) {
    int n = 0;
    dl_iterate_phdr(count, &n);
    printf("objects named ld-linux-x86-64.so.2: %d\n", n);
    printf("__tls_get_addr bound: %d\n", dlsym(RTLD_DEFAULT, "__tls_get_addr") != NULL);
    return 0;
}
