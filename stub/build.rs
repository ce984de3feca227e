//! Fixes the stub's paths at build time and links it as a static-pie with no
//! libc: no PT_INTERP, ET_DYN, its own `_start`.
//!
//! - `GCOMPAT_MUSL_LOADER`: musl's loader (default `/lib/ld-musl-<arch>.so.1`);
//! - `GCOMPAT_SHIM`: the shim to preload (default `/lib/libgcompat.so.0`).
//!
//! Nothing in the environment of the *running* stub can change either.

fn main() {
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap();
    // glibc's interpreter name: musl takes it as its own name, so that a
    // DT_NEEDED on it binds to musl (see src/main.rs).
    let glibc_ld = match arch.as_str() {
        "x86_64" => "ld-linux-x86-64.so.2",
        "aarch64" => "ld-linux-aarch64.so.1",
        other => panic!("gcompat-ld: no glibc interpreter name known for {other}"),
    };
    let musl = path_var("GCOMPAT_MUSL_LOADER", &format!("/lib/ld-musl-{arch}.so.1"));
    let shim = path_var("GCOMPAT_SHIM", "/lib/libgcompat.so.0");
    // musl splits a preload list at ':' and white space.
    assert!(
        !shim.contains(|c: char| c == ':' || c.is_whitespace()),
        "GCOMPAT_SHIM={shim:?}: musl's preload list cannot hold ':' or white space"
    );
    println!("cargo:rustc-env=GCOMPAT_LD_MUSL={musl}");
    println!("cargo:rustc-env=GCOMPAT_LD_SHIM={shim}");
    println!("cargo:rustc-env=GCOMPAT_LD_NAME={glibc_ld}");

    // A static-pie that owns its entry point: no crt objects, no libc, no
    // interpreter. The workspace builds this target with -crt-static (the
    // shim is a shared object's contents); -static-pie on the final link is
    // what makes this one self-contained. Plain gcc drives the link: Debian's
    // musl-gcc specs would drop -static-pie.
    for arg in [
        "-nostartfiles",
        "-nostdlib",
        "-static-pie",
        "-Wl,--no-dynamic-linker",
        "-Wl,-e,_start",
        "-Wl,-z,text",
        "-Wl,-z,noexecstack",
        "-Wl,--gc-sections",
        "-Wl,--build-id=none",
        "-Wl,--hash-style=gnu",
        // Fewer segments for the kernel to map at every start.
        "-Wl,-z,noseparate-code",
        "-Wl,-z,norelro",
    ] {
        println!("cargo:rustc-link-arg-bins={arg}");
    }
}

fn path_var(name: &str, default: &str) -> String {
    println!("cargo:rerun-if-env-changed={name}");
    let value = std::env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_string());
    assert!(value.starts_with('/'), "{name}={value:?}: must be an absolute path");
    assert!(!value.contains('\0'), "{name}: holds a NUL byte");
    value
}
