/* glibc's cancellation cleanup for C: what glibc's pthread_cleanup_push and
 * pthread_cleanup_pop expand to in code built without -fexceptions
 * (__pthread_register_cancel, __pthread_unregister_cancel,
 * __pthread_unwind_next and the _defer/_restore forms), the older
 * _pthread_cleanup_push_defer/_pthread_cleanup_pop_restore, and
 * __pthread_cleanup_routine.
 *
 * glibc's macro keeps the handler and its argument in the caller's frame
 * and sets a jump buffer there; on cancellation or pthread_exit glibc jumps
 * back into each registered frame in turn, which runs its handler and calls
 * __pthread_unwind_next to go on. Here each registered buffer is also a
 * record in musl's own cleanup list (musl's _pthread_cleanup_push, in
 * glibc's four private words of the buffer), whose function jumps back into
 * the frame: musl's pthread_exit and cancellation walk that list, so glibc
 * and musl handlers in one thread run in one last-in, first-out order.
 * __pthread_unwind_next resumes the exit with the value the thread exits
 * with: the one pthread_exit or thrd_exit recorded (src/pthread/cleanup.rs),
 * else PTHREAD_CANCELED (musl's cancellation calls its own exit).
 *
 * C, because it jumps across frames with longjmp. */
#include <limits.h> /* __GLIBC__ when built for the host's unit tests */

#ifndef __GLIBC__
#include <pthread.h>
#include <stddef.h>

#include "../abi/export.h"

/* musl's longjmp, declared on the buffer as it is: only the registers are
 * read (x86_64: the first 64 bytes, and glibc's buffer has 72; aarch64: the
 * first 168, x19-x30, sp and d8-d15, of glibc's 184), not musl's whole
 * jmp_buf with its signal mask. */
_Noreturn void jump_to(void *env, int value) __asm__("longjmp");

/* glibc's __jmp_buf, in words, and where __pad[4] starts after it and
 * __mask_was_saved. */
#if defined(__x86_64__)
#define JMP_BUF_WORDS 8
#define PAD_OFFSET 72
#elif defined(__aarch64__)
#define JMP_BUF_WORDS 22
#define PAD_OFFSET 184
#endif

/* glibc's __pthread_unwind_buf_t: a jump buffer filled by the caller's
 * __sigsetjmp (musl's, without the signal mask), then __pad[4], which is
 * glibc's private data and here the shim's. */
struct glibc_unwind_buf {
    struct {
        long jb[JMP_BUF_WORDS];
        int mask_was_saved;
    } cancel_jmp_buf[1];
    struct __ptcb record;
    int canceltype;
};
_Static_assert(offsetof(struct glibc_unwind_buf, record) == PAD_OFFSET, "glibc's __pad[4] starts there");
_Static_assert(sizeof(struct glibc_unwind_buf) <= PAD_OFFSET + 4 * sizeof(void *), "within glibc's buffer");

/* glibc's struct _pthread_cleanup_buffer (32 bytes): routine and argument
 * where musl's record keeps them, then the shim's data. */
struct glibc_cleanup_buffer {
    struct __ptcb record;
    int canceltype;
};
_Static_assert(sizeof(struct glibc_cleanup_buffer) <= 32, "within glibc's buffer");

/* glibc's struct __pthread_cleanup_frame (the -fexceptions form). */
struct glibc_cleanup_frame {
    void (*routine)(void *);
    void *arg;
    int do_it;
    int cancel_type;
};

static __thread void *exit_value;
static __thread int exit_value_set;

void __gcompat_note_thread_exit(void *value)
{
    exit_value = value;
    exit_value_set = 1;
}

/* A record's function: back into the frame that registered it, where
 * glibc's macro runs the handler and calls __pthread_unwind_next. */
static void jump_back(void *p)
{
    struct glibc_unwind_buf *buf = p;
    jump_to(buf->cancel_jmp_buf, 1);
}

void __pthread_register_cancel(struct glibc_unwind_buf *buf)
{
    _pthread_cleanup_push(&buf->record, jump_back, buf);
}
GCOMPAT_EXPORT(__pthread_register_cancel);

void __pthread_unregister_cancel(struct glibc_unwind_buf *buf)
{
    _pthread_cleanup_pop(&buf->record, 0);
}
GCOMPAT_EXPORT(__pthread_unregister_cancel);

/* pthread_cleanup_push_defer_np: deferred cancellation until the matching
 * pop, which restores the type saved here. */
void __pthread_register_cancel_defer(struct glibc_unwind_buf *buf)
{
    pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &buf->canceltype);
    _pthread_cleanup_push(&buf->record, jump_back, buf);
}
GCOMPAT_EXPORT(__pthread_register_cancel_defer);

void __pthread_unregister_cancel_restore(struct glibc_unwind_buf *buf)
{
    _pthread_cleanup_pop(&buf->record, 0);
    pthread_setcanceltype(buf->canceltype, NULL);
}
GCOMPAT_EXPORT(__pthread_unregister_cancel_restore);

_Noreturn void __pthread_unwind_next(struct glibc_unwind_buf *buf)
{
    (void)buf; /* musl's list already points past it */
    pthread_exit(exit_value_set ? exit_value : PTHREAD_CANCELED);
}
GCOMPAT_EXPORT(__pthread_unwind_next);

void _pthread_cleanup_push_defer(struct glibc_cleanup_buffer *buf, void (*routine)(void *), void *arg)
{
    pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &buf->canceltype);
    _pthread_cleanup_push(&buf->record, routine, arg);
}
GCOMPAT_EXPORT(_pthread_cleanup_push_defer);

/* glibc restores the type before it runs the handler. */
void _pthread_cleanup_pop_restore(struct glibc_cleanup_buffer *buf, int execute)
{
    _pthread_cleanup_pop(&buf->record, 0);
    pthread_setcanceltype(buf->canceltype, NULL);
    if (execute)
        buf->record.__f(buf->record.__x);
}
GCOMPAT_EXPORT(_pthread_cleanup_pop_restore);

void __pthread_cleanup_routine(struct glibc_cleanup_frame *frame)
{
    if (frame->do_it)
        frame->routine(frame->arg);
}
GCOMPAT_EXPORT(__pthread_cleanup_routine);
#endif
