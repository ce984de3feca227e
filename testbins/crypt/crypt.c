// A program linked with libcrypt (Debian's libxcrypt, DT_NEEDED
// libcrypt.so.1) runs on musl: libcrypt.so.1 is a link to the shim, and
// crypt/crypt_r bind to musl's. Hashes glibc's libxcrypt and musl both
// compute: SHA-512, SHA-256, MD5 and DES salts. Built against this
// machine's glibc only: the x86_64 glibc sysroot carries no libcrypt (the
// arm64 sysroots do, and aarch64 builds against both).
// cflags: -Wl,--no-as-needed -lcrypt
// builds: host aarch64:*
#define _GNU_SOURCE
#include <crypt.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *salts[] = { "$6$saltsalt$", "$6$rounds=5000$abc$", "$5$saltsalt$", "$1$saltsalt$", "ab" };
    for (int i = 0; i < 5; i++) {
        const char *h = crypt("correct horse", salts[i]);
        printf("crypt %s: %s\n", salts[i], h ? h : "(null)");
    }
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    const char *h = crypt_r("battery staple", "$6$xyz$", &data);
    printf("crypt_r: %s\n", h ? h : "(null)");
    return 0;
}
