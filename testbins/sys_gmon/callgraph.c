// cases: tree moncontrol restart overflow
// cflags: -pg
// gprof's call graph from a -pg program (mcount): see calltree.h.
#include "calltree.h"

int main(int argc, char **argv)
{
    return run(argc, argv);
}
