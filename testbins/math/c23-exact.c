// The exact C23 / TS 18661-1 functions (roundeven, fmaximum and kin,
// nextup/nextdown, canonicalize, totalorder, NaN payloads, llogb,
// iseqsig, issignaling, iscanonical) and legacy significandl/scalbl, for
// float, double and long double: results as bits, raised exceptions and
// errno, over zeros, infinities, quiet and signaling NaNs, subnormals and
// halfway cases. One case per type.
// cases: float double ldouble scalbl_nan num_nan_pairs
// cflags: -D_GNU_SOURCE -fno-builtin -fsignaling-nans -Wl,--no-as-needed -lm
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int __iseqsigf(float, float);
int __iseqsig(double, double);
int __iseqsigl(long double, long double);
int __issignalingf(float);
int __issignaling(double);
int __issignalingl(long double);
#if defined(__x86_64__)
int __iscanonicall(long double);
#endif
long double significandl(long double);
long double scalbl(long double, long double);

typedef long double ldouble;

/* Which NaN the _num functions return for two NaNs differs between glibc
 * 2.36 and 2.41 (C leaves it unspecified): those pairs are their own case. */
static int num_nan_pairs;

/* Exceptions and errno are read right after the call (printf may raise
 * FE_INEXACT itself), then cleared for the next call. */
static int saved_flags, saved_errno;
static void reset(void)
{
    feclearexcept(FE_ALL_EXCEPT);
    errno = 0;
}
static void save(void)
{
    saved_flags = fetestexcept(FE_ALL_EXCEPT);
    saved_errno = errno;
}
static void show_flags(void)
{
    int f = saved_flags;
    errno = saved_errno;
    printf("%s%s%s%s%s%s", f & FE_INVALID ? " INV" : "", f & FE_DIVBYZERO ? " DIV" : "", f & FE_OVERFLOW ? " OVF" : "",
           f & FE_UNDERFLOW ? " UNF" : "", f & FE_INEXACT ? " INX" : "", errno ? (errno == EDOM ? " EDOM" : errno == ERANGE ? " ERANGE" : " E?") : "");
    printf("\n");
    reset();
}

static void pf(float x) { uint32_t u; memcpy(&u, &x, 4); printf("%08x", u); }
static void pd(double x) { uint64_t u; memcpy(&u, &x, 8); printf("%016llx", (unsigned long long)u); }
static void pl(long double x)
{
#if defined(__aarch64__)
    /* binary128: all 16 bytes, high word first. */
    uint64_t lo, hi;
    memcpy(&lo, &x, 8); memcpy(&hi, (char *)&x + 8, 8);
    printf("%016llx%016llx", (unsigned long long)hi, (unsigned long long)lo);
    return;
#endif
    unsigned char b[16];
    memcpy(b, &x, 10);
    uint64_t m; uint16_t se;
    memcpy(&m, b, 8); memcpy(&se, b + 8, 2);
    printf("%04x:%016llx", se, (unsigned long long)m);
}

static long double ld_make(uint16_t se, uint64_t m)
{
    long double x = 0;
    memcpy(&x, &m, 8);
    memcpy((char *)&x + 8, &se, 2);
    return x;
}

#define RUN(T, S, P, SNAN, MAXV, MINV, TRUEMIN, EPS)                                                                   \
    static void run_##T(void)                                                                                          \
    {                                                                                                                  \
        T v[] = { 0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 3.5, 0.75, 1 + EPS, 2 - EPS, 4503599627370495.5,         \
                  8388607.5, -8388608.5, 0x1p62 + 0.5, MAXV, -MAXV, MINV, TRUEMIN, -TRUEMIN, INFINITY, -INFINITY,      \
                  NAN, -NAN, SNAN, 42, 1e10, 0x1p60 };                                                                 \
        int n = sizeof v / sizeof v[0];                                                                                \
        feclearexcept(FE_ALL_EXCEPT);                                                                                  \
        errno = 0;                                                                                                     \
        for (int i = 0; i < n; i++) {                                                                                  \
            T x = v[i], r;                                                                                             \
            printf("x="); P(x); printf("\n");                                                                          \
            { __typeof__(roundeven##S(x)) r_; reset(); r_ = roundeven##S(x); save(); printf("  roundeven "); P(r_); show_flags(); }                                                  \
            { __typeof__(nextup##S(x)) r_; reset(); r_ = nextup##S(x); save(); printf("  nextup "); P(r_); show_flags(); }                                                        \
            { __typeof__(nextdown##S(x)) r_; reset(); r_ = nextdown##S(x); save(); printf("  nextdown "); P(r_); show_flags(); }                                                    \
            reset(); int rc = canonicalize##S(&r, &x); save();                                                                          \
            printf("  canonicalize %d ", rc); P(r); show_flags();                                                      \
            { __typeof__(getpayload##S(&x)) r_; reset(); r_ = getpayload##S(&x); save(); printf("  getpayload "); P(r_); show_flags(); }                                               \
            reset(); r = 1; rc = setpayload##S(&r, x); save();                                                                          \
            printf("  setpayload %d ", rc); P(r); show_flags();                                                        \
            reset(); r = 1; rc = setpayloadsig##S(&r, x); save();                                                                       \
            printf("  setpayloadsig %d ", rc); P(r); show_flags();           \
            { long r_; reset(); r_ = llogb##S(x); save(); printf("  llogb %ld", r_); show_flags(); }                                                          \
            { long r_; reset(); r_ = __issignaling##S(x); save(); printf("  issignaling %ld", r_); show_flags(); }                                            \
        }                                                                                                              \
        static const int pick[] = { 0, 1, 2, 3, 6, 17, 21, 22, 23, 24, 25, 26 };                                       \
        for (unsigned a = 0; a < sizeof pick / sizeof pick[0]; a++)                                                    \
            for (unsigned b = 0; b < sizeof pick / sizeof pick[0]; b++) {                                              \
                T x = v[pick[a]], y = v[pick[b]];                                                                      \
                printf("x="); P(x); printf(" y="); P(y); printf("\n");                                                 \
                { __typeof__(fmaximum##S(x, y)) r_; reset(); r_ = fmaximum##S(x, y); save(); printf("  fmaximum "); P(r_); show_flags(); }                                             \
                { __typeof__(fminimum##S(x, y)) r_; reset(); r_ = fminimum##S(x, y); save(); printf("  fminimum "); P(r_); show_flags(); }                                             \
                if (!(isnan(x) && isnan(y)) || num_nan_pairs) { __typeof__(fmaximum_num##S(x, y)) r_; reset(); r_ = fmaximum_num##S(x, y); save(); printf("  fmaximum_num "); P(r_); show_flags(); }                                     \
                if (!(isnan(x) && isnan(y)) || num_nan_pairs) { __typeof__(fminimum_num##S(x, y)) r_; reset(); r_ = fminimum_num##S(x, y); save(); printf("  fminimum_num "); P(r_); show_flags(); }                                     \
                { __typeof__(fmaximum_mag##S(x, y)) r_; reset(); r_ = fmaximum_mag##S(x, y); save(); printf("  fmaximum_mag "); P(r_); show_flags(); }                                     \
                { __typeof__(fminimum_mag##S(x, y)) r_; reset(); r_ = fminimum_mag##S(x, y); save(); printf("  fminimum_mag "); P(r_); show_flags(); }                                     \
                if (!(isnan(x) && isnan(y)) || num_nan_pairs) { __typeof__(fmaximum_mag_num##S(x, y)) r_; reset(); r_ = fmaximum_mag_num##S(x, y); save(); printf("  fmaximum_mag_num "); P(r_); show_flags(); }                             \
                if (!(isnan(x) && isnan(y)) || num_nan_pairs) { __typeof__(fminimum_mag_num##S(x, y)) r_; reset(); r_ = fminimum_mag_num##S(x, y); save(); printf("  fminimum_mag_num "); P(r_); show_flags(); }                             \
                { __typeof__(fmaxmag##S(x, y)) r_; reset(); r_ = fmaxmag##S(x, y); save(); printf("  fmaxmag "); P(r_); show_flags(); }                                               \
                { __typeof__(fminmag##S(x, y)) r_; reset(); r_ = fminmag##S(x, y); save(); printf("  fminmag "); P(r_); show_flags(); }                                               \
                { long r_; reset(); r_ = totalorder##S(&x, &y); save(); printf("  totalorder %ld", r_); show_flags(); }                                       \
                { long r_; reset(); r_ = totalordermag##S(&x, &y); save(); printf("  totalordermag %ld", r_); show_flags(); }                                 \
                { long r_; reset(); r_ = __iseqsig##S(x, y); save(); printf("  iseqsig %ld", r_); show_flags(); }                                             \
            }                                                                                                          \
    }
RUN(float, f, pf, __builtin_nansf(""), FLT_MAX, FLT_MIN, FLT_TRUE_MIN, FLT_EPSILON)
RUN(double, , pd, __builtin_nans(""), DBL_MAX, DBL_MIN, DBL_TRUE_MIN, DBL_EPSILON)
RUN(ldouble, l, pl, __builtin_nansl(""), LDBL_MAX, LDBL_MIN, LDBL_TRUE_MIN, LDBL_EPSILON)

#if defined(__x86_64__) /* x87 encodings and __iscanonicall: x86_64 only */
static void ldouble_extra(void)
{
    /* x87 encodings only long double has: pseudo-denormal, unnormal,
     * pseudo-NaN, pseudo-infinity, a NaN with a payload. */
    long double odd[] = { ld_make(0x0000, 0x8000000000000001ULL), ld_make(0x3fff, 0x4000000000000000ULL),
                          ld_make(0x7fff, 0x0000000000000001ULL), ld_make(0x7fff, 0),
                          ld_make(0x7fff, 0xc000000000001234ULL), ld_make(0xffff, 0x8000000000000005ULL),
                          ld_make(0x0000, 0x7fffffffffffffffULL), ld_make(0x8001, 0x8000000000000000ULL) };
    for (unsigned i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        long double x = odd[i], r = 7;
        printf("odd x="); pl(x); printf("\n");
        { long r_; reset(); r_ = __iscanonicall(x); save(); printf("  iscanonical %ld", r_); show_flags(); }
        { long r_; reset(); r_ = __issignalingl(x); save(); printf("  issignaling %ld", r_); show_flags(); }
        reset(); int rc = canonicalizel(&r, &x); save();
        printf("  canonicalize %d ", rc); pl(r); show_flags();
        if (i >= 4) {
            { __typeof__(getpayloadl(&x)) r_; reset(); r_ = getpayloadl(&x); save(); printf("  getpayload "); pl(r_); show_flags(); }
            { __typeof__(nextupl(x)) r_; reset(); r_ = nextupl(x); save(); printf("  nextup "); pl(r_); show_flags(); }
            { __typeof__(nextdownl(x)) r_; reset(); r_ = nextdownl(x); save(); printf("  nextdown "); pl(r_); show_flags(); }
        }
    }
    long double s[] = { 0, -0.0L, 3, -3, 0x1p-16400L, LDBL_MAX, INFINITY, NAN, 1e-4000L };
    for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++) {
        { reset(); long double r_ = significandl(s[i]); save(); printf("significandl "); pl(s[i]); printf(" -> "); pl(r_); show_flags(); }
    }
    long double fn[] = { 0, 3, -3, 2.5, 1e10, -1e10, 20000, -20000, INFINITY, -INFINITY, NAN };
    for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++)
        for (unsigned j = 0; j < sizeof fn / sizeof fn[0]; j++) {
            if (isnan(s[i]) && isinf(fn[j]) && fn[j] < 0)
                continue; /* the scalbl_nan case */
            { reset(); long double r_ = scalbl(s[i], fn[j]); save(); printf("scalbl "); pl(s[i]); printf(" %d -> ", (int)j); pl(r_); show_flags(); }
        }
    long double p[] = { 0x1p61L, 0x1p62L - 1, 0x1p62L, 1.5 };
    for (unsigned i = 0; i < sizeof p / sizeof p[0]; i++) {
        long double r = 1, g;
        reset();
        int rc = setpayloadl(&r, p[i]);
        g = getpayloadl(&r);
        save();
        printf("setpayloadl %d ", rc); pl(r); printf(" back "); pl(g); show_flags();
    }
}
#endif

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "double";
    if (strcmp(c, "num_nan_pairs") == 0) {
        num_nan_pairs = 1;
        run_float();
        run_double();
    } else if (strcmp(c, "float") == 0)
        run_float();
    else if (strcmp(c, "scalbl_nan") == 0) {
        reset();
        long double r = scalbl(NAN, -INFINITY);
        save();
        printf("scalbl(NaN, -inf) "); pl(r); show_flags();
    } else if (strcmp(c, "double") == 0) {
        run_double();
        double p[] = { 0x1p50, 0x1p51 - 1, 0x1p51, 0.5, 1 };
        for (unsigned i = 0; i < sizeof p / sizeof p[0]; i++) {
            double r = 1;
            reset();
            int rc = setpayload(&r, p[i]);
            double g = getpayload(&r);
            save();
            printf("setpayload %d ", rc); pd(r); printf(" back "); pd(g); show_flags();
        }
    } else {
        run_ldouble();
#if defined(__x86_64__)
        ldouble_extra();
#endif
    }
    return 0;
}
