/* libloadertest.so as the program was linked against it (its RUNPATH). */
const char *loadertest_name(void) { return "good"; }
