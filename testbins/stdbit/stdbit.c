// builds: glibc-2.41
/* C23 <stdbit.h> (glibc 2.39): every stdc_* function of every type, called
 * through volatile function pointers so that neither glibc's header macros
 * nor the compiler's builtins stand in for the exported functions, over the
 * edge values of each width (0, 1, powers of two and their neighbours, the
 * top bit, all ones, alternating patterns). bit_ceil of a value above the
 * top power of two is undefined in C23; glibc's answer is 0, and it is what
 * programs built against it see. */
#include <stdbit.h>
#include <stdio.h>

#define NAMES(T, S)                                                                                                   \
    static unsigned int (*volatile const S##_u[])(T) = {                                                              \
        stdc_leading_zeros_##S,        stdc_leading_ones_##S,        stdc_trailing_zeros_##S,                         \
        stdc_trailing_ones_##S,        stdc_first_leading_zero_##S,  stdc_first_leading_one_##S,                      \
        stdc_first_trailing_zero_##S,  stdc_first_trailing_one_##S,  stdc_count_zeros_##S,                            \
        stdc_count_ones_##S,           stdc_bit_width_##S,                                                            \
    };                                                                                                                \
    static bool (*volatile const S##_b)(T) = stdc_has_single_bit_##S;                                                 \
    static T (*volatile const S##_floor)(T) = stdc_bit_floor_##S;                                                     \
    static T (*volatile const S##_ceil)(T) = stdc_bit_ceil_##S;                                                       \
    static void run_##S(void)                                                                                         \
    {                                                                                                                 \
        const unsigned long long max = (T)~0ULL;                                                                      \
        const int width = 8 * sizeof(T);                                                                              \
        unsigned long long vals[64 * 3 + 8];                                                                          \
        int n = 0;                                                                                                    \
        for (int i = 0; i < width; i++) {                                                                             \
            unsigned long long p = 1ULL << i;                                                                         \
            vals[n++] = p;                                                                                            \
            vals[n++] = p - 1;                                                                                        \
            vals[n++] = (p + 1) & max;                                                                                \
        }                                                                                                             \
        vals[n++] = max;                                                                                              \
        vals[n++] = max - 1;                                                                                          \
        vals[n++] = max >> 1;                                                                                         \
        vals[n++] = 0x5555555555555555ULL & max;                                                                      \
        vals[n++] = 0xAAAAAAAAAAAAAAAAULL & max;                                                                      \
        vals[n++] = 0x0123456789abcdefULL & max;                                                                      \
        vals[n++] = 0xfedcba9876543210ULL & max;                                                                      \
        vals[n++] = 0xf0f0f0f00f0f0f0fULL & max;                                                                      \
        for (int i = 0; i < n; i++) {                                                                                 \
            T x = (T)vals[i];                                                                                         \
            printf(#S " %#llx:", (unsigned long long)x);                                                              \
            for (unsigned j = 0; j < sizeof S##_u / sizeof S##_u[0]; j++) printf(" %u", S##_u[j](x));                  \
            printf(" single=%d floor=%#llx ceil=%#llx\n", (int)S##_b(x), (unsigned long long)S##_floor(x),           \
                   (unsigned long long)S##_ceil(x));                                                                  \
        }                                                                                                             \
    }

NAMES(unsigned char, uc)
NAMES(unsigned short, us)
NAMES(unsigned int, ui)
NAMES(unsigned long, ul)
NAMES(unsigned long long, ull)

int main(void)
{
    printf("leading_zeros leading_ones trailing_zeros trailing_ones first_leading_zero first_leading_one "
           "first_trailing_zero first_trailing_one count_zeros count_ones bit_width\n");
    run_uc();
    run_us();
    run_ui();
    run_ul();
    run_ull();
    return 0;
}
