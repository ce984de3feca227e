/* The variadic C23 scanf entry points: each a front over its v* twin in
 * isoc23.rs. Also the one va_list accessor the scanf engine (scan.rs)
 * needs, since stable Rust cannot take an argument from a va_list. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "../abi/export.h"

int __isoc23_vsscanf(const char *s, const char *fmt, va_list ap);
int __isoc23_vfscanf(FILE *f, const char *fmt, va_list ap);
int __isoc23_vscanf(const char *fmt, va_list ap);
int __isoc23_sscanf(const char *s, const char *fmt, ...);
int __isoc23_fscanf(FILE *f, const char *fmt, ...);
int __isoc23_scanf(const char *fmt, ...);
void *gcompat_va_arg_ptr(va_list *ap);

/* Every scanf argument is a pointer. `ap` is the va_list object the Rust
 * side holds a pointer to: on x86_64 the array va_list decays to exactly
 * that pointer, so the caller's list advances. */
void *gcompat_va_arg_ptr(va_list *ap) { return va_arg(*ap, void *); }

/* A `%N$` conversion's pointer, as glibc's ARG macro finds it: the Nth of
 * a copy of the list as the call started (scan.rs keeps that copy in room
 * it declares as 32 bytes). */
_Static_assert(sizeof(va_list) <= 32, "scan.rs's SavedVaList holds a va_list");
void gcompat_va_save(va_list *dst, va_list *src);
void gcompat_va_save(va_list *dst, va_list *src) { va_copy(*dst, *src); }
void gcompat_va_drop(va_list *saved);
void gcompat_va_drop(va_list *saved) { va_end(*saved); }
void *gcompat_va_arg_nth(va_list *start, size_t n);
void *gcompat_va_arg_nth(va_list *start, size_t n)
{
    va_list copy;
    va_copy(copy, *start);
    while (n-- > 0)
        (void)va_arg(copy, void *);
    void *p = va_arg(copy, void *);
    va_end(copy);
    return p;
}

#define FRONT(call) { va_list ap; va_start(ap, fmt); int r = call; va_end(ap); return r; }

int __isoc23_sscanf(const char *s, const char *fmt, ...)
FRONT(__isoc23_vsscanf(s, fmt, ap))
GCOMPAT_EXPORT(__isoc23_sscanf);

int __isoc23_fscanf(FILE *f, const char *fmt, ...)
FRONT(__isoc23_vfscanf(f, fmt, ap))
GCOMPAT_EXPORT(__isoc23_fscanf);

int __isoc23_scanf(const char *fmt, ...)
FRONT(__isoc23_vscanf(fmt, ap))
GCOMPAT_EXPORT(__isoc23_scanf);
