//! `<dlfcn.h>`: what glibc's dynamic-linker interface has beyond musl's.

pub mod find_object;
