// musl-built callers keep musl's setprotoent/endprotoent, setservent,
// setnetent, sethostent and their getXent: the shim's overrides rewind
// its own streams, then run musl's.
#include <netdb.h>
#include <stdio.h>

int main(void)
{
    int n = 0;
    setprotoent(0);
    while (getprotoent())
        n++;
    endprotoent();
    setprotoent(1);
    struct protoent *p = getprotoent();
    printf("protocols %d, first again %s\n", n, p ? p->p_name : "null");
    endprotoent();
    n = 0;
    setservent(0);
    while (getservent())
        n++;
    endservent();
    printf("services %d\n", n);
    setnetent(0);
    printf("networks %s\n", getnetent() ? "some" : "none");
    endnetent();
    sethostent(0);
    printf("hosts %s\n", gethostent() ? "some" : "none");
    endhostent();
    return 0;
}
