/* The values of a printf call's arguments, read from a copy of its va_list
 * by the types parse_printf_format gives (stdio/gnu_format.rs): integers and
 * pointers as 64-bit words (ints sign-extended), floating-point ones read
 * past and stored as 0. Rust cannot walk a va_list; C can. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* glibc's <printf.h> codes (printf/parse.rs). */
enum { PA_INT, PA_CHAR, PA_WCHAR, PA_STRING, PA_WSTRING, PA_POINTER, PA_FLOAT, PA_DOUBLE };
#define PA_FLAG_MASK 0xff00
#define PA_FLAG_LONG_LONG (1 << 8)
#define PA_FLAG_LONG (1 << 9)
#define PA_FLAG_PTR (1 << 11)

void __gcompat_printf_args(va_list ap, const int *types, size_t n, uint64_t *values)
{
    va_list copy;
    va_copy(copy, ap);
    for (size_t i = 0; i < n; i++) {
        int t = types[i];
        uint64_t v = 0;
        if (t & PA_FLAG_PTR) {
            v = (uintptr_t)va_arg(copy, void *);
        } else {
            switch (t & ~PA_FLAG_MASK) {
            case PA_INT:
                if (t & (PA_FLAG_LONG | PA_FLAG_LONG_LONG))
                    v = (uint64_t)va_arg(copy, long long);
                else
                    v = (uint64_t)(int64_t)va_arg(copy, int);
                break;
            case PA_CHAR:
            case PA_WCHAR:
                v = (uint64_t)(int64_t)va_arg(copy, int);
                break;
            case PA_STRING:
            case PA_WSTRING:
            case PA_POINTER:
                v = (uintptr_t)va_arg(copy, void *);
                break;
            case PA_FLOAT:
            case PA_DOUBLE:
                if (t & PA_FLAG_LONG_LONG)
                    (void)va_arg(copy, long double);
                else
                    (void)va_arg(copy, double);
                break;
            }
        }
        values[i] = v;
    }
    va_end(copy);
}
