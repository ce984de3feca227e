// glibc's random_r family: the caller's struct random_data and state
// array, the additive feedback generator of the type the array's size
// picks (8, 32, 64, 128, 256 bytes: TYPE_0..TYPE_4), seeded glibc's way.
// The same seed must give glibc's numbers; the state's type word, the
// errors (EINVAL) and switching states with setstate_r must match too.
// cflags: -D_GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void run(unsigned seed, size_t size)
{
    static int32_t words[512 / 4];
    struct random_data data;
    memset(&data, 0, sizeof data);
    memset(words, 0, sizeof words);
    int rc = initstate_r(seed, (char *)words, size, &data);
    printf("seed %u size %zu: rc %d type %d deg %d sep %d word0 %d:", seed, size, rc, data.rand_type, data.rand_deg,
           data.rand_sep, words[0]);
    for (int i = 0; i < 12; i++) {
        int32_t r = -1;
        random_r(&data, &r);
        printf(" %d", r);
    }
    srandom_r(seed + 1, &data);
    int32_t r;
    random_r(&data, &r);
    printf(" | reseeded %d\n", r);
}

int main(void)
{
    const unsigned seeds[] = { 0, 1, 42, 12345, 0x7fffffffu, 0x80000000u, 4294967295u };
    const size_t sizes[] = { 8, 31, 32, 63, 64, 128, 255, 256, 300 };
    for (unsigned i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
        for (unsigned j = 0; j < sizeof sizes / sizeof sizes[0]; j++)
            run(seeds[i], sizes[j]);

    // Two generators' states swapped in and out of one random_data.
    static int32_t a[64], b[32];
    struct random_data data;
    memset(&data, 0, sizeof data);
    initstate_r(7, (char *)a, sizeof a, &data);
    int32_t r;
    for (int i = 0; i < 5; i++)
        random_r(&data, &r);
    initstate_r(9, (char *)b, sizeof b, &data);
    printf("a's word after switch %d\n", a[0]);
    random_r(&data, &r);
    printf("b %d word %d\n", r, b[0]);
    int rc = setstate_r((char *)a, &data);
    random_r(&data, &r);
    printf("setstate_r a: rc %d next %d b's word %d\n", rc, r, b[0]);
    rc = setstate_r((char *)b, &data);
    random_r(&data, &r);
    printf("setstate_r b: rc %d next %d\n", rc, r);

    errno = 0;
    rc = initstate_r(1, (char *)b, 7, &data);
    printf("initstate_r 7 bytes: %d errno %d\n", rc, errno);
    errno = 0;
    rc = random_r(&data, NULL);
    printf("random_r null result: %d errno %d\n", rc, errno);
    errno = 0;
    rc = random_r(NULL, &r);
    printf("random_r null data: %d errno %d\n", rc, errno);
    errno = 0;
    rc = srandom_r(1, NULL);
    printf("srandom_r null: %d errno %d\n", rc, errno);
    errno = 0;
    rc = setstate_r(NULL, &data);
    printf("setstate_r null: %d errno %d\n", rc, errno);
    int32_t bad[8] = { 7 * 5 + 9 };
    errno = 0;
    rc = setstate_r((char *)bad, &data);
    printf("setstate_r bad type: %d errno %d\n", rc, errno);
    return 0;
}
