// cases: syntax wide midpoints modes random strfrom strfrom_modes isnan strfrom_abort hex_subnormal_lost_bit nan_payload_errno
// cflags: -D_GNU_SOURCE -Wl,--no-as-needed -lm
// arches: x86_64
/* The _Float128 (binary128) conversions glibc exports and musl lacks:
 * strtof128, strtof128_l, __strtof128_internal, wcstof128, wcstof128_l,
 * __wcstof128_internal, strfromf128 and __isnanf128. Every value is printed
 * as the 32 hex digits of its bits, with errno, the end offset and the
 * floating-point exceptions raised, so a wrong rounding, a wrong errno or
 * a wrong end shows. The exact decimal midpoints between neighbouring
 * binary128 values are computed here with a small base-10^9 integer, not by
 * the functions under test. */
#include <errno.h>
#include <fenv.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

_Float128 __strtof128_internal(const char *, char **, int);
_Float128 __wcstof128_internal(const wchar_t *, wchar_t **, int);
int __isnanf128(_Float128);

#define N(a) (sizeof a / sizeof a[0])

static const int modes[] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
static const char *mode_names[] = { "near", "down", "up", "zero" };

static void bits_of(_Float128 v, uint64_t *hi, uint64_t *lo)
{
    uint64_t u[2];
    memcpy(u, &v, sizeof v);
    *lo = u[0];
    *hi = u[1];
}

static _Float128 from_bits(uint64_t hi, uint64_t lo)
{
    uint64_t u[2] = { lo, hi };
    _Float128 v;
    memcpy(&v, u, sizeof v);
    return v;
}

/* One strtof128 call: bits, errno, end offset, exceptions. */
static void show_parse(const char *label, const char *s)
{
    char *end = (char *)"untouched";
    errno = 0;
    feclearexcept(FE_ALL_EXCEPT);
    _Float128 v = strtof128(s, &end);
    int err = errno, raised = fetestexcept(FE_ALL_EXCEPT);
    uint64_t hi, lo;
    bits_of(v, &hi, &lo);
    printf("%s: %016llx%016llx errno %d end %td raised %#x\n", label, (unsigned long long)hi,
           (unsigned long long)lo, err, end - s, raised);
}

static const char *syntax_inputs[] = {
    "0", "-0", "+0", "1", "-1", "1.5", "  \t\n+3.25xyz", "0.1", "-0.1e-3rest", "1e10", "1E+10", "1e-10",
    ".5", "5.", "-.5e-3", ".", "-.", "+.e1", ".e5", "0.e5", "e5", "", "   ", "-", "+", "junk",
    "1e", "1e+", "1e-", "1ex", "1.e", "00000000000000000000000001.5", "0000.0000", "-0.000e99999999999999999",
    "3.14159265358979323846264338327950288419716939937510",
    "2.71828182845904523536028747135266249775724709369995957496696762772407663035354759",
    "123456789012345678901234567890123456789012345678901234567890",
    "0.000000000000000000000000000000000000000000000000000000000000000000000000000000012345678901234567890123",
    "1e4932", "1.18973149535723176508575932662800701e4932", "1.18973149535723176508575932662800702e4932",
    "1.1897314953572317650857593266280071308e4932", "1e4933", "-1e5000", "1e99999999999999999999",
    "3.36210314311209350626267781732175260e-4932", "3.3621031431120935062626778173217526e-4932",
    "1e-4932", "1e-4950", "6.4751751194380251109244389582276465524996e-4966", "6.5e-4966", "3.2e-4966",
    "3.3e-4966", "1e-4966", "1e-5000", "-1e-99999999999999999999",
    "0x1p0", "0x1.8p3", "0X1.8P3", "0x.8p1", "0x8.p-3", "0x1", "0x1.", "0xA.bCdEfP+4", "-0x1p-1",
    "0x1.ffffffffffffffffffffffffffffp16383", "0x1.ffffffffffffffffffffffffffff8p16383", "0x1p16384",
    "0x1p-16382", "0x1p-16494", "0x1p-16495", "0x1.0000001p-16495", "0x1.8p-16494", "0x1.4p-16493",
    "0x1.ffffffffffffffffffffffffffffp-16383", "0x1.ffffffffffffffffffffffffffff8p-16383",
    "0x0.0000000000000000000000000001p-16382",
    "0x1.00000000000000000000000000008p0", "0x1.000000000000000000000000000080000000001p0",
    "0x1.00000000000000000000000000018p0", "0x123456789abcdef0123456789abcdef0123456789p0",
    "0x", "0xg", "0x.", "0x.p1", "0xp1", "0x0p", "0x0p+", "0x0.p1", "0x1p", "0x1p-", "0x1pz", "-0x", "0x-1",
    "0x00000000000000000000000000000000000001p-200", "0x1p99999999999999999999", "0x1p-99999999999999999",
    "0x0p99999999999999999999",
    "inf", "INF", "-Inf", "infinity", "-INFINITY", "infinit", "infx", "in", "+iNfInItYx",
    "nan", "NAN", "-nan", "nan(", "nan()", "nan(0)", "nan(123)", "nan(0x123)", "-nan(7)", "nan(0777)",
    "nan(089)", "nan(abc)", "nan(0xffffffffffffffff)", "nan(_)", "nan(1_2)", "nan(0x)", "nan(0b101)", "nan(1 )", "nan(1)x",
    "nanx", "na", "nAn(Ab_9)",
};

static void syntax(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    for (unsigned i = 0; i < N(syntax_inputs); i++) {
        const char *s = syntax_inputs[i];
        char label[160];
        snprintf(label, sizeof label, "\"%.120s\"", s);
        show_parse(label, s);
        /* The _l and internal forms agree with strtof128. */
        char *e1, *e2;
        errno = 0;
        _Float128 a = strtof128_l(s, &e1, c);
        int x1 = errno;
        errno = 0;
        _Float128 b = __strtof128_internal(s, &e2, 1);
        int x2 = errno;
        uint64_t ah, al, bh, bl;
        bits_of(a, &ah, &al);
        bits_of(b, &bh, &bl);
        printf("  _l %016llx%016llx %d %td internal %016llx%016llx %d %td\n", (unsigned long long)ah,
               (unsigned long long)al, x1, e1 - s, (unsigned long long)bh, (unsigned long long)bl, x2, e2 - s);
    }
    /* A null endptr is allowed. */
    errno = 0;
    _Float128 v = strtof128("  42.5", NULL);
    uint64_t hi, lo;
    bits_of(v, &hi, &lo);
    printf("null endptr: %016llx%016llx %d\n", (unsigned long long)hi, (unsigned long long)lo, errno);
    freelocale(c);
}

static void wide(void)
{
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    for (unsigned i = 0; i < N(syntax_inputs); i++) {
        wchar_t w[256];
        mbstowcs(w, syntax_inputs[i], N(w));
        wchar_t *e[3];
        int x[3];
        _Float128 v[3];
        errno = 0;
        v[0] = wcstof128(w, &e[0]);
        x[0] = errno;
        errno = 0;
        v[1] = wcstof128_l(w, &e[1], c);
        x[1] = errno;
        errno = 0;
        v[2] = __wcstof128_internal(w, &e[2], 0);
        x[2] = errno;
        printf("\"%.120s\":", syntax_inputs[i]);
        for (int k = 0; k < 3; k++) {
            uint64_t hi, lo;
            bits_of(v[k], &hi, &lo);
            printf(" %016llx%016llx/%d/%td", (unsigned long long)hi, (unsigned long long)lo, x[k], e[k] - w);
        }
        printf("\n");
    }
    /* Wide-only: units beyond a byte are no digits and no letters. */
    static const wchar_t *odd[] = { L"1\x661", L"\x3000" L"5", L"0x1\xff10", L"nan(\x100)", L"inf\x131nity" };
    for (unsigned i = 0; i < N(odd); i++) {
        wchar_t *e;
        errno = 0;
        _Float128 v = wcstof128(odd[i], &e);
        uint64_t hi, lo;
        bits_of(v, &hi, &lo);
        printf("odd %u: %016llx%016llx %d %td\n", i, (unsigned long long)hi, (unsigned long long)lo, errno, e - odd[i]);
    }
    freelocale(c);
}

/* A little base-10^9 integer, for exact decimal expansions. */
#define LIMBS 1400
struct dec {
    uint32_t l[LIMBS]; /* least significant first */
    int n;
};

static void dec_mul(struct dec *d, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < d->n; i++) {
        uint64_t t = (uint64_t)d->l[i] * m + carry;
        d->l[i] = t % 1000000000;
        carry = t / 1000000000;
    }
    while (carry) {
        d->l[d->n++] = carry % 1000000000;
        carry /= 1000000000;
    }
}

/* The exact decimal text of odd * 2^exp, odd = hi:lo (an odd integer). */
static void exact_text(uint64_t hi, uint64_t lo, int exp, char *out)
{
    static struct dec d;
    d.n = 0;
    /* hi:lo as base 10^9: repeated doubling of 16-bit pieces. */
    d.l[0] = 0;
    d.n = 1;
    for (int i = 7; i >= 0; i--) {
        uint32_t piece = (i >= 4 ? hi >> (16 * (i - 4)) : lo >> (16 * i)) & 0xffff;
        dec_mul(&d, 65536);
        uint64_t carry = piece;
        for (int k = 0; carry && k < LIMBS; k++) {
            if (k == d.n) d.l[d.n++] = 0;
            uint64_t t = d.l[k] + carry;
            d.l[k] = t % 1000000000;
            carry = t / 1000000000;
        }
    }
    int k = exp;
    while (k >= 16) { dec_mul(&d, 65536); k -= 16; }
    if (k > 0) dec_mul(&d, 1u << k);
    k = exp < 0 ? -exp : 0;
    int tens = k;
    while (k >= 13) { dec_mul(&d, 1220703125); k -= 13; }
    while (k-- > 0) dec_mul(&d, 5);
    char *p = out + sprintf(out, "%u", d.l[d.n - 1]);
    for (int i = d.n - 2; i >= 0; i--)
        p += sprintf(p, "%09u", d.l[i]);
    if (tens)
        sprintf(p, "e-%d", tens);
}

static uint64_t lcg_state = 88172645463325252ull;
static uint64_t next_random(void)
{
    lcg_state ^= lcg_state << 13;
    lcg_state ^= lcg_state >> 7;
    lcg_state ^= lcg_state << 17;
    return lcg_state;
}

static char text[13000], text2[13000];

/* Parses `s` in every rounding direction. */
static void all_modes(const char *label, const char *s)
{
    for (unsigned m = 0; m < N(modes); m++) {
        char l[64];
        snprintf(l, sizeof l, "%s %s", label, mode_names[m]);
        fesetround(modes[m]);
        show_parse(l, s);
    }
    fesetround(FE_TONEAREST);
}

/* The value with bits hi:lo, and the midpoint to its upper neighbour, in
 * exact decimal; also just above and just below that midpoint. */
static void midpoint_cases(const char *name, uint64_t hi, uint64_t lo)
{
    unsigned biased = (hi >> 48) & 0x7fff;
    uint64_t mhi = (hi & 0xffffffffffffull) | (biased ? 1ull << 48 : 0), mlo = lo;
    int exp = (biased ? (int)biased : 1) - 16383 - 112;
    /* midpoint = (2m + 1) * 2^(exp - 1) */
    uint64_t ohi = mhi << 1 | mlo >> 63, olo = mlo << 1 | 1;
    exact_text(ohi, olo, exp - 1, text);
    char label[80];
    snprintf(label, sizeof label, "%s mid", name);
    all_modes(label, text);
    /* Just above: a nonzero digit far down. */
    char *e = strchr(text, 'e');
    strcpy(text2, text);
    char *e2 = strchr(text2, 'e');
    if (e2) {
        strcpy(e2, "0000000000000000000001");
        strcat(text2, e);
    } else {
        strcat(text2, ".0000000000000000000001");
    }
    snprintf(label, sizeof label, "%s above", name);
    all_modes(label, text2);
    /* Just below: one less in the last digit, then many nines. */
    strcpy(text2, text);
    e2 = strchr(text2, 'e');
    size_t last = (e2 ? (size_t)(e2 - text2) : strlen(text2)) - 1;
    for (size_t k = last + 1; k-- > 0;) {
        if (text2[k] != '0') {
            text2[k]--;
            break;
        }
        text2[k] = '9';
    }
    if (e2) {
        strcpy(text2 + last + 1, "99999999999999999999");
        strcat(text2, e);
    } else {
        strcat(text2, ".99999999999999999999");
    }
    snprintf(label, sizeof label, "%s below", name);
    all_modes(label, text2);
    printf("%s digits %zu\n", name, strlen(text));
}

static void midpoints(void)
{
    static const struct { const char *name; uint64_t hi, lo; } fixed[] = {
        { "one", 0x3fff000000000000ull, 0 },
        { "third", 0x3ffd555555555555ull, 0x5555555555555555ull },
        { "max-1", 0x7ffeffffffffffffull, 0xfffffffffffffffeull },
        { "min-normal", 0x0001000000000000ull, 0 },
        { "below-min-normal", 0x0000ffffffffffffull, 0xffffffffffffffffull },
        { "min-subnormal", 0, 1 },
        { "zero", 0, 0 },
        { "subnormal", 0x0000123456789abcull, 0xdef0123456789abcull },
        { "2^112", 0x406f000000000000ull, 0 },
        { "2^113-1", 0x406fffffffffffffull, 0xffffffffffffffffull },
        { "1e30ish", 0x4062934f9f3b9b1dull, 0x2f3e5c8e9c8d7a6bull },
    };
    for (unsigned i = 0; i < N(fixed); i++)
        midpoint_cases(fixed[i].name, fixed[i].hi, fixed[i].lo);
    for (int i = 0; i < 12; i++) {
        uint64_t hi = next_random(), lo = next_random();
        /* exponents near 1, then anywhere */
        unsigned biased = i < 6 ? 16383 - 150 + (unsigned)(next_random() % 300) : (unsigned)(next_random() % 0x7fff);
        hi = (hi & 0xffffffffffffull) | (uint64_t)biased << 48;
        char name[32];
        snprintf(name, sizeof name, "random%d", i);
        midpoint_cases(name, hi, lo);
    }
}

/* Rounding directions on short inputs, with errno and exceptions. */
static void modes_case(void)
{
    static const char *inputs[] = { "0.1", "-0.1", "1e4933", "-1e4933", "1e-5000", "-1e-5000", "2.5", "1e-4960",
                                    "-1e-4960", "0x1.ffffffffffffffffffffffffffffcp16383",
                                    "-0x1.ffffffffffffffffffffffffffff8p16383", "0x1.ffffffffffffffffffffffffffffp-16383",
                                    "3.3621031431120935062626778173217526e-4932",
                                    "1.18973149535723176508575932662800702e4932", "0x1p-16495", "-0x1p-16495",
                                    "0x1.0000000000000000000000000001p-16494", "1e400", "123456789e-9" };
    for (unsigned i = 0; i < N(inputs); i++)
        all_modes(inputs[i], inputs[i]);
}

/* Random bit patterns: %.40e, %a and %g text and parsing them back. */
static void random_case(void)
{
    static const char *fmts[] = { "%.40e", "%a", "%g", "%.36g", "%.0e", "%.5a" };
    for (int i = 0; i < 150; i++) {
        uint64_t hi = next_random(), lo = next_random();
        if (i % 3 == 0) /* exponents near 1 */
            hi = (hi & 0x8000ffffffffffffull) | (uint64_t)(16383 - 120 + next_random() % 240) << 48;
        if ((hi >> 48 & 0x7fff) == 0x7fff)
            hi ^= 1ull << 48;
        _Float128 v = from_bits(hi, lo);
        printf("%016llx%016llx:", (unsigned long long)hi, (unsigned long long)lo);
        for (unsigned f = 0; f < N(fmts); f++) {
            char buf[128];
            int n = strfromf128(buf, sizeof buf, fmts[f], v);
            char *end;
            errno = 0;
            _Float128 back = strtof128(buf, &end);
            uint64_t bh, bl;
            bits_of(back, &bh, &bl);
            printf(" %d [%s] %016llx%016llx/%d/%td", n, buf, (unsigned long long)bh, (unsigned long long)bl, errno,
                   end - buf);
        }
        printf("\n");
    }
}

static const struct { uint64_t hi, lo; } values[] = {
    { 0, 0 },                                          /* 0 */
    { 0x8000000000000000ull, 0 },                      /* -0 */
    { 0x3fff000000000000ull, 0 },                      /* 1 */
    { 0x3fff800000000000ull, 0 },                      /* 1.5 */
    { 0xbffd555555555555ull, 0x5555555555555555ull },  /* -1/3 */
    { 0x3ffb999999999999ull, 0x999999999999999aull },  /* 0.1 */
    { 0x4008f40000000000ull, 0 },                      /* 1000 */
    { 0x4008f3f000000000ull, 0 },                      /* 999.5 */
    { 0x400c387000000000ull, 0 },                      /* 9998 */
    { 0x4005900000000000ull, 0 },                      /* 100 */
    { 0x3ff1a36e2eb1c432ull, 0xca57a786c226809dull },  /* ~0.0001 */
    { 0x7ffeffffffffffffull, 0xffffffffffffffffull },  /* max */
    { 0x0001000000000000ull, 0 },                      /* min normal */
    { 0x0000ffffffffffffull, 0xffffffffffffffffull },  /* max subnormal */
    { 0, 1 },                                          /* min subnormal */
    { 0x8000000000000000ull, 0x123456789ull },         /* negative subnormal */
    { 0x408c31b8b6ad2c12ull, 0x0d1d72b0dc8f7f48ull },  /* ~1.25e42 */
    { 0x408c31b8b6ad2c11ull, 0xfd7b3e0000000000ull },  /* 1.25e42 region */
    { 0x3ffe000000000000ull, 0 },                      /* 0.5 */
    { 0x4000400000000000ull, 0 },                      /* 2.5 */
    { 0x7fff000000000000ull, 0 },                      /* inf */
    { 0xffff000000000000ull, 0 },                      /* -inf */
    { 0x7fff800000000000ull, 0 },                      /* nan */
    { 0xffff800000000000ull, 0x42 },                   /* -nan payload */
    { 0x7fff000000000000ull, 1 },                      /* snan */
};

static const char *formats[] = { "%a", "%A", "%.0a", "%.1a", "%.3A", "%.30a", "%e", "%E", "%.0e", "%.2e", "%.36e",
                                 "%.60e", "%f", "%F", "%.0f", "%.1f", "%.40f", "%g", "%G", "%.0g", "%.1g",
                                 "%.3g", "%.17g", "%.36g", "%.40g", "%.99999999999g", "%gtail", "%.e" };

static void strfrom(void)
{
    for (unsigned i = 0; i < N(values); i++)
        for (unsigned f = 0; f < N(formats); f++) {
            char buf[200];
            int n = strfromf128(buf, sizeof buf, formats[f], from_bits(values[i].hi, values[i].lo));
            printf("%u %s: %d [%s]\n", i, formats[f], n, buf);
        }
    /* Truncation as snprintf, and long outputs. */
    _Float128 third = from_bits(0x3ffd555555555555ull, 0x5555555555555555ull);
    char small[6] = "xxxxx", one[1] = "y";
    printf("null: %d\n", strfromf128(NULL, 0, "%.30f", third));
    printf("small: %d [%s]\n", strfromf128(small, sizeof small, "%.30f", third), small);
    printf("one: %d [%d]\n", strfromf128(one, 1, "%g", third), one[0]);
    static char big[20000];
    static const char *longs[] = { "%.11600e", "%.16500f", "%f", "%.120a" };
    static const unsigned which[] = { 14, 13, 11, 4 };
    for (unsigned f = 0; f < N(longs); f++)
        for (unsigned w = 0; w < N(which); w++) {
            int n = strfromf128(big, sizeof big, longs[f], from_bits(values[which[w]].hi, values[which[w]].lo));
            size_t len = strlen(big);
            unsigned long sum = 0;
            for (size_t k = 0; k < len; k++) sum = sum * 31 + (unsigned char)big[k];
            printf("%s %u: %d len %zu head [%.60s] tail [%s] sum %lx\n", longs[f], which[w], n, len, big,
                   len > 60 ? big + len - 60 : big, sum);
        }
}

static void strfrom_modes(void)
{
    static const char *fmts[] = { "%.0a", "%.3a", "%.0e", "%.3e", "%.0f", "%.2f", "%.3g", "%.36e" };
    for (unsigned m = 0; m < N(modes); m++) {
        fesetround(modes[m]);
        for (unsigned i = 0; i < N(values); i++) {
            printf("%s %u:", mode_names[m], i);
            for (unsigned f = 0; f < N(fmts); f++) {
                char buf[100];
                strfromf128(buf, sizeof buf, fmts[f], from_bits(values[i].hi, values[i].lo));
                printf(" [%s]", buf);
            }
            printf("\n");
        }
    }
    fesetround(FE_TONEAREST);
}

static void isnan_case(void)
{
    for (unsigned i = 0; i < N(values); i++)
        printf("%u: %d\n", i, __isnanf128(from_bits(values[i].hi, values[i].lo)) != 0);
    printf("low-only nan: %d\n", __isnanf128(from_bits(0x7fff000000000000ull, 0x8000000000000000ull)) != 0);
    printf("max: %d\n", __isnanf128(from_bits(0x7ffeffffffffffffull, 0xffffffffffffffffull)) != 0);
}

/* glibc 2.36 rounds these subnormal hex inputs without the first bit after
 * the 113 significant ones; glibc 2.41 rounds them exactly. */
static void hex_subnormal_lost_bit(void)
{
    static const char *inputs[] = { "0x1.fffffffffffffffffffffffffffe8p-16383", "-0x1.fffffffffffffffffffffffffffe8p-16383",
                                    "0x1.00000000000000000000000000008p-16390", "0x1.2345p-16480" };
    for (unsigned i = 0; i < N(inputs); i++)
        all_modes(inputs[i], inputs[i]);
}

/* An overflowing nan(...) payload: glibc 2.36 leaves strtoull's ERANGE in
 * errno, glibc 2.41 does not. */
static void nan_payload_errno(void)
{
    static const char *inputs[] = { "nan(0xffffffffffffffffff)", "nan(99999999999999999999999z)", "-nan(18446744073709551616)" };
    for (unsigned i = 0; i < N(inputs); i++) {
        show_parse(inputs[i], inputs[i]);
        wchar_t w[64], *e;
        mbstowcs(w, inputs[i], N(w));
        errno = 0;
        _Float128 v = wcstof128(w, &e);
        uint64_t hi, lo;
        bits_of(v, &hi, &lo);
        printf("  wide %016llx%016llx %d %td\n", (unsigned long long)hi, (unsigned long long)lo, errno, e - w);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(argv[1], "syntax")) syntax();
    else if (!strcmp(argv[1], "wide")) wide();
    else if (!strcmp(argv[1], "midpoints")) midpoints();
    else if (!strcmp(argv[1], "modes")) modes_case();
    else if (!strcmp(argv[1], "random")) random_case();
    else if (!strcmp(argv[1], "strfrom")) strfrom();
    else if (!strcmp(argv[1], "strfrom_modes")) strfrom_modes();
    else if (!strcmp(argv[1], "isnan")) isnan_case();
    else if (!strcmp(argv[1], "hex_subnormal_lost_bit")) hex_subnormal_lost_bit();
    else if (!strcmp(argv[1], "nan_payload_errno")) nan_payload_errno();
    else if (!strcmp(argv[1], "strfrom_abort")) {
        char buf[16];
        printf("before\n");
        strfromf128(buf, sizeof buf, "%d", from_bits(0x3fff000000000000ull, 0));
        printf("not reached\n");
    } else return 2;
    return 0;
}
