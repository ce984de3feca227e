#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("hello from a cmake-built program, %d argument(s), strlen(argv[0]) > 0: %d\n", argc - 1, strlen(argv[0]) > 0);
    return 0;
}
