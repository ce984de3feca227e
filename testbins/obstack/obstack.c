// cases: grow chunks specify printf failure free_all old_names
// cflags: -D_GNU_SOURCE
/* glibc's obstacks: the program's inline macros and the shim's functions
 * share struct obstack, so sizes, addresses relative to chunks, chunk
 * counts and the failure handler must all be glibc's. */
#include <obstack.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What programs built with old obstack.h macros call: _obstack_free (now
 * obstack_free), and the compatibility variable _obstack (GLIBC_2.2.5 only,
 * which no header declares any more; x86_64 only: aarch64's glibc never had
 * it). */
void _obstack_free(struct obstack *, void *);
#if defined(__x86_64__)
extern struct obstack *_obstack;
__asm__(".symver _obstack, _obstack@GLIBC_2.2.5");
#define OLD_OBSTACK (_obstack ? "set" : "null")
#else
#define OLD_OBSTACK "(none on this architecture)"
#endif

static int chunks_alive, chunks_made;
static long last_request;

static void *counting_alloc(long size)
{
    chunks_made++, chunks_alive++;
    last_request = size;
    return malloc(size);
}

static void counting_free(void *p)
{
    chunks_alive--;
    free(p);
}

static void *arg_alloc(void *arg, long size)
{
    (*(int *)arg)++;
    return malloc(size);
}

static void arg_free(void *arg, void *p)
{
    (*(int *)arg)--;
    free(p);
}

static int refuse;
static void *failing_alloc(long size)
{
    return refuse ? NULL : malloc(size);
}

static void failed(void)
{
    printf("allocation failed handler (exit 7)\n");
    fflush(stdout);
    exit(7);
}

#define obstack_chunk_alloc counting_alloc
#define obstack_chunk_free counting_free

int main(int argc, char **argv)
{
    const char *c = argc > 1 ? argv[1] : "grow";
    struct obstack ob;
    if (!strcmp(c, "grow")) {
        obstack_init(&ob);
        printf("first chunk request %ld, chunk_size %ld, alignment mask %d\n", last_request, (long)ob.chunk_size,
               ob.alignment_mask);
        obstack_grow(&ob, "hello", 5);
        obstack_1grow(&ob, ' ');
        obstack_grow0(&ob, "world", 5);
        char *s = obstack_finish(&ob);
        printf("object: %s, aligned %d\n", s, (uintptr_t)s % 16 == 0);
        int *n = obstack_alloc(&ob, sizeof *n * 4);
        printf("int block aligned %d, after the string %d\n", (uintptr_t)n % 16 == 0, (char *)n > s);
        char *t = obstack_copy0(&ob, "abc", 3);
        printf("copy0 %s, object size now %d, room %d\n", t, obstack_object_size(&ob), obstack_room(&ob) > 0);
        obstack_free(&ob, n);
        printf("freed to the int block: next object starts there %d\n", obstack_base(&ob) == (void *)n);
        printf("allocated_p(s) %d, allocated_p(stack) %d\n", _obstack_allocated_p(&ob, s), _obstack_allocated_p(&ob, &ob));
        obstack_free(&ob, NULL);
        printf("chunks alive after free(NULL): %d\n", chunks_alive);
    } else if (!strcmp(c, "chunks")) {
        obstack_init(&ob);
        char *first = NULL;
        for (int i = 0; i < 200; i++) {
            char buf[100];
            memset(buf, 'a' + i % 26, sizeof buf);
            obstack_grow(&ob, buf, sizeof buf);
            if (i % 50 == 49) {
                char *o = obstack_finish(&ob);
                if (!first)
                    first = o;
                printf("object %d: %c%c..., chunks made %d alive %d, last request %ld\n", i / 50, o[0], o[99],
                       chunks_made, chunks_alive, last_request);
            }
        }
        void *big = obstack_alloc(&ob, 100000);
        printf("big: chunks made %d, last request %ld, memory used %d\n", chunks_made, last_request,
               _obstack_memory_used(&ob));
        obstack_blank(&ob, 64);
        obstack_blank(&ob, -32);
        printf("blank: object size %d\n", obstack_object_size(&ob));
        obstack_free(&ob, big);
        printf("after freeing big: alive %d, first still allocated %d\n", chunks_alive, _obstack_allocated_p(&ob, first));
        obstack_free(&ob, first);
        printf("after freeing first: alive %d\n", chunks_alive);
        obstack_free(&ob, NULL);
    } else if (!strcmp(c, "specify")) {
        obstack_specify_allocation(&ob, 200, 64, counting_alloc, counting_free);
        printf("chunk_size %ld, mask %d, first request %ld\n", (long)ob.chunk_size, ob.alignment_mask, last_request);
        void *a = obstack_alloc(&ob, 10), *b = obstack_alloc(&ob, 10);
        printf("64-aligned %d %d, distance %td\n", (uintptr_t)a % 64 == 0, (uintptr_t)b % 64 == 0, (char *)b - (char *)a);
        for (int i = 0; i < 10; i++)
            obstack_alloc(&ob, 150);
        printf("chunks made %d, memory used %d\n", chunks_made, _obstack_memory_used(&ob));
        obstack_free(&ob, NULL);
        int live = 0;
        struct obstack ob2;
        obstack_specify_allocation_with_arg(&ob2, 0, 0, arg_alloc, arg_free, &live);
        for (int i = 0; i < 100; i++)
            obstack_alloc(&ob2, 1000);
        printf("with arg: live chunks %d\n", live);
        obstack_free(&ob2, NULL);
        printf("with arg: after free %d\n", live);
    } else if (!strcmp(c, "printf")) {
        obstack_init(&ob);
        int n = obstack_printf(&ob, "%d-%s-%.2f", 42, "x", 2.5);
        n += obstack_printf(&ob, "|%5s|", "ab");
        obstack_1grow(&ob, 0);
        char *s = obstack_finish(&ob);
        printf("printf: %d [%s]\n", n, s);
        for (int i = 0; i < 500; i++)
            obstack_printf(&ob, "%04d", i);
        obstack_1grow(&ob, 0);
        s = obstack_finish(&ob);
        printf("long: %zu %.8s...%s\n", strlen(s), s, s + strlen(s) - 4);
        obstack_free(&ob, NULL);
    } else if (!strcmp(c, "old_names")) {
        printf("_obstack: %s\n", OLD_OBSTACK);
        obstack_init(&ob);
        char *a = obstack_copy0(&ob, "first", 5);
        char *b = obstack_copy0(&ob, "second", 6);
        _obstack_free(&ob, b);
        char *c2 = obstack_copy0(&ob, "third", 5);
        printf("after _obstack_free(b): a %s, third where b was %s, object_size %d\n", a, c2 == b ? "yes" : "no",
               obstack_object_size(&ob));
        _obstack_free(&ob, a);
        printf("after _obstack_free(a): next object at a %s\n", obstack_alloc(&ob, 1) == (void *)a ? "yes" : "no");
        _obstack_free(&ob, NULL);
    } else if (!strcmp(c, "failure")) {
        obstack_alloc_failed_handler = failed;
        obstack_specify_allocation(&ob, 0, 0, failing_alloc, free);
        obstack_alloc(&ob, 100);
        refuse = 1;
        printf("asking for a new chunk\n");
        obstack_alloc(&ob, 100000);
        printf("not reached\n");
    } else if (!strcmp(c, "free_all")) {
        obstack_exit_failure = 9;
        obstack_specify_allocation(&ob, 0, 0, failing_alloc, free);
        refuse = 1;
        fflush(stdout);
        obstack_alloc(&ob, 100000); /* default handler: message, exit(9) */
    }
    return 0;
}
