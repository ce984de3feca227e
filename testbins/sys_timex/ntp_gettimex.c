// ntp_gettimex: the kernel clock's state (adjtimex's return) and time,
// in glibc's struct ntptimeval, next to gettimeofday's.
// cflags: -D_GNU_SOURCE
#include <stdio.h>
#include <sys/time.h>
#include <sys/timex.h>

int main(void)
{
    struct ntptimeval ntv;
    struct timex tx = { 0 };
    int expect = adjtimex(&tx);
    int rc = ntp_gettimex(&ntv);
    struct timeval now;
    gettimeofday(&now, NULL);
    long diff = now.tv_sec - ntv.time.tv_sec;
    printf("state %d (adjtimex %d)\n", rc, expect);
    printf("time within 2s of gettimeofday: %d\n", diff >= 0 && diff <= 2);
    printf("tai %ld (adjtimex %d)\n", ntv.tai, tx.tai);
    printf("maxerror >= 0: %d esterror >= 0: %d\n", ntv.maxerror >= 0, ntv.esterror >= 0);
    return 0;
}
