// cases: tree moncontrol restart overflow
// cflags: -pg -mfentry
// arches: x86_64
// gprof's call graph from a -pg -mfentry program, whose functions call
// __fentry__ before their prologue instead of mcount after it: see calltree.h.
#include "calltree.h"

int main(int argc, char **argv)
{
    return run(argc, argv);
}
