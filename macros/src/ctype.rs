//! The Rust -> C type map behind each record's C declaration.
//!
//! Pointers, references, `Option` of a pointer and `extern "C" fn` types map
//! by their structure; named types only through [`NAMED`] and [`ALIASES`].
//! A named type in neither is refused: a guess would make the C prototype
//! check pass for a wrong reason. Each named type used is also checked by
//! the compiler to be the Rust type the table pairs with the C one (see
//! `Mapper::checks`), so a local type that shares a name with an entry but
//! is something else fails the build.

use syn::spanned::Spanned;
use syn::{Error, FnArg, GenericArgument, Ident, PathArguments, ReturnType, Signature, StaticMutability, Type};

/// `(name as written, the Rust type it must be, the C type)`. C types
/// are spelled as the C headers (musl's or, for glibc-only types, glibc's)
/// spell them, except the compiler's own names for the types of `size_t`,
/// `wchar_t` and `wint_t` (the same types, and in scope in C files that
/// include no header).
#[rustfmt::skip]
const NAMED: &[(&str, &str, &str)] = &[
    // <core::ffi>, and libc's names for the same types.
    ("c_char", "::core::ffi::c_char", "char"),
    ("c_schar", "::core::ffi::c_schar", "signed char"),
    ("c_uchar", "::core::ffi::c_uchar", "unsigned char"),
    ("c_short", "::core::ffi::c_short", "short"),
    ("c_ushort", "::core::ffi::c_ushort", "unsigned short"),
    ("c_int", "::core::ffi::c_int", "int"),
    ("c_uint", "::core::ffi::c_uint", "unsigned int"),
    ("c_long", "::core::ffi::c_long", "long"),
    ("c_ulong", "::core::ffi::c_ulong", "unsigned long"),
    ("c_longlong", "::core::ffi::c_longlong", "long long"),
    ("c_ulonglong", "::core::ffi::c_ulonglong", "unsigned long long"),
    ("c_float", "::core::ffi::c_float", "float"),
    ("c_double", "::core::ffi::c_double", "double"),
    ("c_void", "::core::ffi::c_void", "void"),
    // Typedefs of <sys/types.h>, <stddef.h>, <wchar.h>, ...
    ("size_t", "::libc::size_t", "__SIZE_TYPE__"),
    ("ssize_t", "::libc::ssize_t", "ssize_t"),
    ("off_t", "::libc::off_t", "off_t"),
    ("mode_t", "::libc::mode_t", "mode_t"),
    ("dev_t", "::libc::dev_t", "dev_t"),
    ("ino_t", "::libc::ino_t", "ino_t"),
    ("pid_t", "::libc::pid_t", "pid_t"),
    ("uid_t", "::libc::uid_t", "uid_t"),
    ("gid_t", "::libc::gid_t", "gid_t"),
    ("id_t", "::libc::id_t", "id_t"),
    ("time_t", "::libc::time_t", "time_t"),
    ("clockid_t", "::libc::clockid_t", "clockid_t"),
    ("timer_t", "::libc::timer_t", "timer_t"),
    ("socklen_t", "::libc::socklen_t", "socklen_t"),
    ("sa_family_t", "::libc::sa_family_t", "sa_family_t"),
    ("nfds_t", "::libc::nfds_t", "nfds_t"),
    ("wchar_t", "::libc::wchar_t", "__WCHAR_TYPE__"),
    ("wint_t", "::libc::wint_t", "__WINT_TYPE__"),
    ("locale_t", "::libc::locale_t", "locale_t"),
    ("FILE", "::libc::FILE", "FILE"),
    ("DIR", "::libc::DIR", "DIR"),
    ("fpos_t", "::libc::fpos_t", "fpos_t"),
    ("glob_t", "::libc::glob_t", "glob_t"),
    ("sigset_t", "::libc::sigset_t", "sigset_t"),
    ("posix_spawn_file_actions_t", "::libc::posix_spawn_file_actions_t", "posix_spawn_file_actions_t"),
    ("posix_spawnattr_t", "::libc::posix_spawnattr_t", "posix_spawnattr_t"),
    ("siginfo_t", "::libc::siginfo_t", "siginfo_t"),
    ("cpu_set_t", "::libc::cpu_set_t", "cpu_set_t"),
    ("mqd_t", "::libc::mqd_t", "mqd_t"),
    ("sem_t", "::libc::sem_t", "sem_t"),
    ("Dl_info", "::libc::Dl_info", "Dl_info"),
    ("pthread_t", "::libc::pthread_t", "pthread_t"),
    ("pthread_attr_t", "::libc::pthread_attr_t", "pthread_attr_t"),
    ("pthread_cond_t", "::libc::pthread_cond_t", "pthread_cond_t"),
    ("pthread_key_t", "::libc::pthread_key_t", "pthread_key_t"),
    ("pthread_mutex_t", "::libc::pthread_mutex_t", "pthread_mutex_t"),
    ("pthread_mutexattr_t", "::libc::pthread_mutexattr_t", "pthread_mutexattr_t"),
    ("pthread_once_t", "::libc::pthread_once_t", "pthread_once_t"),
    ("pthread_rwlock_t", "::libc::pthread_rwlock_t", "pthread_rwlock_t"),
    ("pthread_rwlockattr_t", "::libc::pthread_rwlockattr_t", "pthread_rwlockattr_t"),
    // Structures and unions.
    ("addrinfo", "::libc::addrinfo", "struct addrinfo"),
    ("aiocb", "::libc::aiocb", "struct aiocb"),
    ("dirent", "::libc::dirent", "struct dirent"),
    ("dl_phdr_info", "::libc::dl_phdr_info", "struct dl_phdr_info"),
    ("group", "::libc::group", "struct group"),
    ("epoll_event", "::libc::epoll_event", "struct epoll_event"),
    ("iovec", "::libc::iovec", "struct iovec"),
    ("open_how", "::libc::open_how", "struct open_how"),
    ("passwd", "::libc::passwd", "struct passwd"),
    ("pollfd", "::libc::pollfd", "struct pollfd"),
    ("rlimit", "::libc::rlimit", "struct rlimit"),
    ("sched_attr", "::libc::sched_attr", "struct sched_attr"),
    ("sched_param", "::libc::sched_param", "struct sched_param"),
    ("sigevent", "::libc::sigevent", "struct sigevent"),
    ("sockaddr", "::libc::sockaddr", "struct sockaddr"),
    ("stat", "::libc::stat", "struct stat"),
    ("statfs", "::libc::statfs", "struct statfs"),
    ("statvfs", "::libc::statvfs", "struct statvfs"),
    ("timespec", "::libc::timespec", "struct timespec"),
    ("timeval", "::libc::timeval", "struct timeval"),
    ("tm", "::libc::tm", "struct tm"),
    ("sigval", "::libc::sigval", "union sigval"),
    // The shim's own: va_list as a parameter, and glibc's structures.
    ("VaList", "crate::abi::VaList", "va_list"),
    ("TextPtr", "crate::abi::cstr::TextPtr", "char const *"),
    ("mbstate_t", "crate::abi::musl::mbstate_t", "mbstate_t"),
    ("Obstack", "crate::abi::glibc_types::obstack", "struct obstack"),
    ("GlibcLocale", "crate::abi::glibc_types::__locale_struct", "struct __locale_struct"),
    ("Mallinfo", "crate::abi::glibc_types::mallinfo", "struct mallinfo"),
    ("Mallinfo2", "crate::abi::glibc_types::mallinfo2", "struct mallinfo2"),
    ("__res_state", "crate::abi::glibc_types::__res_state", "struct __res_state"),
    ("gaicb", "crate::abi::glibc_types::gaicb", "struct gaicb"),
    ("argp", "crate::abi::glibc_types::argp", "struct argp"),
    ("argp_state", "crate::abi::glibc_types::argp_state", "struct argp_state"),
    ("FTS", "crate::abi::glibc_types::FTS", "FTS"),
    ("FTS64", "crate::abi::glibc_types::FTS64", "FTS64"),
    ("FTSENT", "crate::abi::glibc_types::FTSENT", "FTSENT"),
    ("FTSENT64", "crate::abi::glibc_types::FTSENT64", "FTSENT64"),
    ("re_pattern_buffer", "crate::abi::glibc_types::re_pattern_buffer", "struct re_pattern_buffer"),
    ("re_registers", "crate::abi::glibc_types::re_registers", "struct re_registers"),
    ("ucontext_t", "crate::abi::glibc_types::ucontext_t", "struct ucontext_t"),
    ("ttyent", "crate::abi::glibc_types::ttyent", "struct ttyent"),
    ("Aliasent", "crate::aliases::Aliasent", "struct aliasent"),
    ("Unwinder", "crate::execinfo::Unwinder", "struct unwinder"),
    ("Ftw", "crate::ftw::Ftw", "struct FTW"),
    ("LongOption", "crate::getopt::gnu::LongOption", "struct option"),
    ("ProcessorModel", "crate::libgcc::ProcessorModel", "struct __processor_model"),
    ("Hostent", "crate::netdb::ent::Hostent", "struct hostent"),
    ("Netent", "crate::netdb::ent::Netent", "struct netent"),
    ("Protoent", "crate::netdb::ent::Protoent", "struct protoent"),
    ("Servent", "crate::netdb::ent::Servent", "struct servent"),
    ("SigEvent", "crate::netdb::gai::SigEvent", "struct sigevent"),
    ("Rpcent", "crate::netdb::rpc::Rpcent", "struct rpcent"),
    ("NsMsg", "crate::resolv::res::NsMsg", "ns_msg"),
    ("DlFindObject", "crate::rtld::DlFindObject", "struct dl_find_object"),
    ("RDebug", "crate::rtld::RDebug", "struct r_debug"),
    ("Spwd", "crate::shadow::Spwd", "struct spwd"),
    ("Sgrp", "crate::shadow::gshadow::Sgrp", "struct sgrp"),
    ("RandomData", "crate::stdlib::random_r::RandomData", "struct random_data"),
    ("Prof", "crate::sys_gmon::sprofil::Prof", "struct prof"),
    ("NtpTimeval", "crate::sys_timex::NtpTimeval", "struct ntptimeval"),
    ("Utmp", "crate::utmp::Utmp", "struct utmp"),
];

/// The shim's aliases of other types, by the type each stands for (whose
/// C type is then the alias's).
#[rustfmt::skip]
const ALIASES: &[(&str, &str)] = &[
    ("Attr", "::libc::pthread_attr_t"),
    ("Mutex", "::libc::pthread_mutex_t"),
    ("ErrorT", "::core::ffi::c_int"),
    ("Lmid", "::core::ffi::c_long"),
    ("Resource", "::core::ffi::c_int"),
    ("IconvT", "*mut ::core::ffi::c_void"),
    ("ResState", "*mut crate::abi::glibc_types::__res_state"),
    ("Handler", "Option<unsafe extern \"C\" fn()>"),
    ("Hook", "Option<unsafe extern \"C\" fn()>"),
    ("OnceRoutine", "Option<unsafe extern \"C\" fn()>"),
    ("Destructor", "Option<unsafe extern \"C\" fn(*mut ::core::ffi::c_void)>"),
    ("ChunkFunArg", "Option<unsafe extern \"C\" fn(*mut ::core::ffi::c_void, ::core::ffi::c_long) -> *mut ::core::ffi::c_void>"),
    ("FreeFunArg", "Option<unsafe extern \"C\" fn(*mut ::core::ffi::c_void, *mut ::core::ffi::c_void)>"),
    ("MuslNftw", "unsafe extern \"C\" fn(*const ::core::ffi::c_char, Option<unsafe extern \"C\" fn(*const ::core::ffi::c_char, *const ::libc::stat, ::core::ffi::c_int, *mut crate::ftw::Ftw) -> ::core::ffi::c_int>, ::core::ffi::c_int, ::core::ffi::c_int) -> ::core::ffi::c_int"),
    ("ErrFn", "Option<extern \"C\" fn(*const ::core::ffi::c_char, ::core::ffi::c_int) -> ::core::ffi::c_int>"),
    ("Compar", "Option<unsafe extern \"C\" fn(*const *const crate::abi::glibc_types::FTSENT, *const *const crate::abi::glibc_types::FTSENT) -> ::core::ffi::c_int>"),
    ("Compar64", "Option<unsafe extern \"C\" fn(*const *const crate::abi::glibc_types::FTSENT64, *const *const crate::abi::glibc_types::FTSENT64) -> ::core::ffi::c_int>"),
    ("DirentCompar", "Option<unsafe extern \"C\" fn(*mut *const ::libc::dirent, *mut *const ::libc::dirent) -> ::core::ffi::c_int>"),
    ("Dtor", "unsafe extern \"C\" fn(*mut ::core::ffi::c_void)"),
    ("OnExit", "unsafe extern \"C\" fn(::core::ffi::c_int, *mut ::core::ffi::c_void)"),
    ("StartRoutine", "unsafe extern \"C\" fn(*mut ::core::ffi::c_void) -> *mut ::core::ffi::c_void"),
    ("C11Start", "unsafe extern \"C\" fn(*mut ::core::ffi::c_void) -> ::core::ffi::c_int"),
    ("Main", "unsafe extern \"C\" fn(::core::ffi::c_int, *mut *mut ::core::ffi::c_char, *mut *mut ::core::ffi::c_char) -> ::core::ffi::c_int"),
    ("DirentFilter", "Option<unsafe extern \"C\" fn(*const ::libc::dirent) -> ::core::ffi::c_int>"),
    ("FtwFn", "Option<unsafe extern \"C\" fn(*const ::core::ffi::c_char, *const ::libc::stat, ::core::ffi::c_int) -> ::core::ffi::c_int>"),
    ("NftwFn", "Option<unsafe extern \"C\" fn(*const ::core::ffi::c_char, *const ::libc::stat, ::core::ffi::c_int, *mut crate::ftw::Ftw) -> ::core::ffi::c_int>"),
];

fn primitive(name: &str) -> Option<&'static str> {
    Some(match name {
        "i8" => "signed char",
        "u8" => "unsigned char",
        "i16" => "short",
        "u16" => "unsigned short",
        "i32" => "int",
        "u32" => "unsigned int",
        // LP64, the only data model the shim is built for.
        "i64" | "isize" => "long",
        "u64" | "usize" => "unsigned long",
        "f32" => "float",
        "f64" => "double",
        "bool" => "_Bool",
        _ => return None,
    })
}

/// A C declaration around the declared name.
pub struct Declaration {
    before: String,
    after: String,
}

impl Declaration {
    pub fn named(&self, name: &Ident) -> String {
        format!("{}{name}{}", self.before, self.after)
    }
}

/// Renders C types and remembers the named ones it used.
#[derive(Default)]
pub struct Mapper {
    /// `(as written, what the table says it is)`, each pair once.
    pub named: Vec<(Type, Type)>,
}

impl Mapper {
    /// `RET name(PARAMS)`, without parameter names (a name can be a C
    /// macro: `errno`, `linux`).
    pub fn function(&mut self, sig: &Signature) -> syn::Result<Declaration> {
        if sig.variadic.is_some() {
            return Err(Error::new(sig.variadic.span(), "C-variadic fns are C fronts (src/**/*.c)"));
        }
        let (noreturn, ret) = match &sig.output {
            ReturnType::Type(_, ty) if matches!(**ty, Type::Never(_)) => ("_Noreturn ", "void".to_string()),
            ReturnType::Type(_, ty) => ("", self.ty(ty)?),
            ReturnType::Default => ("", "void".to_string()),
        };
        let mut params = Vec::new();
        for input in &sig.inputs {
            match input {
                FnArg::Typed(t) => params.push(self.ty(&t.ty)?),
                FnArg::Receiver(r) => {
                    return Err(Error::new(r.span(), "an exported fn has no `self`"));
                }
            }
        }
        let params = if params.is_empty() { "void".to_string() } else { params.join(", ") };
        Ok(Declaration { before: format!("{noreturn}{}", declarator_start(&ret)), after: format!("({params})") })
    }

    /// `extern TYPE name`, `const` for an immutable static, `name[]` for
    /// an array.
    pub fn data(&mut self, s: &syn::ItemStatic) -> syn::Result<Declaration> {
        let (elem, array) = match &*s.ty {
            Type::Array(a) => (&*a.elem, "[]"),
            other => (other, ""),
        };
        let mut ty = self.ty(elem)?;
        if matches!(s.mutability, StaticMutability::None) && !interior_mutable(elem) {
            ty.push_str(" const");
        }
        Ok(Declaration { before: format!("extern {}", declarator_start(&ty)), after: array.to_string() })
    }

    fn ty(&mut self, ty: &Type) -> syn::Result<String> {
        match ty {
            Type::Paren(p) => self.ty(&p.elem),
            Type::Group(g) => self.ty(&g.elem),
            Type::Ptr(p) => Ok(pointer(self.ty(&p.elem)?, p.const_token.is_some())),
            Type::Reference(r) => Ok(pointer(self.ty(&r.elem)?, r.mutability.is_none())),
            Type::BareFn(f) => {
                if !c_abi(f.abi.as_ref()) {
                    return Err(Error::new(f.span(), "a function pointer C sees is `extern \"C\"`"));
                }
                let ret = match &f.output {
                    ReturnType::Type(_, t) if matches!(**t, Type::Never(_)) => "void".to_string(),
                    ReturnType::Type(_, t) => self.ty(t)?,
                    ReturnType::Default => "void".to_string(),
                };
                let mut params = f.inputs.iter().map(|a| self.ty(&a.ty)).collect::<syn::Result<Vec<_>>>()?;
                if f.variadic.is_some() {
                    params.push("...".to_string());
                }
                let params = if params.is_empty() { "void".to_string() } else { params.join(", ") };
                Ok(format!("__typeof__({ret} (*)({params}))"))
            }
            Type::Tuple(t) if t.elems.is_empty() => Ok("void".to_string()),
            Type::Path(p) if p.qself.is_none() => {
                let last = p.path.segments.last().expect("a path has a segment");
                let name = last.ident.to_string();
                if let PathArguments::AngleBracketed(args) = &last.arguments {
                    // Option<pointer>: the null pointer is None.
                    if name == "Option"
                        && args.args.len() == 1
                        && let GenericArgument::Type(inner) = &args.args[0]
                    {
                        let c = self.ty(inner)?;
                        if c.ends_with('*') || c.starts_with("__typeof__(") {
                            return Ok(c);
                        }
                    }
                    return Err(unmapped(ty, &name));
                }
                if let Some(&(_, rust, c)) = NAMED.iter().find(|(n, ..)| *n == name) {
                    self.remember(ty, rust);
                    return Ok(c.to_string());
                }
                if let Some(&(_, rust)) = ALIASES.iter().find(|(n, _)| *n == name) {
                    self.remember(ty, rust);
                    let canonical: Type = syn::parse_str(rust).expect("ALIASES holds Rust types");
                    return self.ty(&canonical);
                }
                if p.path.segments.len() == 1
                    && let Some(c) = primitive(&name)
                {
                    return Ok(c.to_string());
                }
                Err(unmapped(ty, &name))
            }
            other => Err(unmapped(other, "this type")),
        }
    }

    fn remember(&mut self, written: &Type, rust: &str) {
        let canonical: Type = syn::parse_str(rust).expect("NAMED holds Rust types");
        let key = |t: &Type| quote::quote!(#t).to_string();
        if key(written) != key(&canonical) && !self.named.iter().any(|(w, _)| key(w) == key(written)) {
            self.named.push((written.clone(), canonical));
        }
    }
}

/// Whether an ABI is C's (`extern "C"`, or `extern` alone).
pub fn c_abi(abi: Option<&syn::Abi>) -> bool {
    abi.is_some_and(|abi| abi.name.as_ref().is_none_or(|n| n.value() == "C"))
}

/// `T *`, or `T const *` for a pointer to const.
fn pointer(pointee: String, to_const: bool) -> String {
    if to_const { format!("{pointee} const *") } else { format!("{pointee} *") }
}

/// `char *` + `name` = `char *name`, `int` + `name` = `int name`.
fn declarator_start(ty: &str) -> String {
    if ty.ends_with('*') { ty.to_string() } else { format!("{ty} ") }
}

/// Whether a `static` of this type is written through shared references
/// (atomics, cells, and the table's structures made of them): C sees it
/// as mutable.
fn interior_mutable(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    let name = p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
    name.starts_with("Atomic") || name.contains("Cell") || INTERIOR_MUTABLE.contains(&name.as_str())
}

/// `NAMED` structures whose fields are atomics (libgcc's `__cpu_model`,
/// which `__cpu_indicator_init` fills).
const INTERIOR_MUTABLE: &[&str] = &["ProcessorModel"];

fn unmapped(ty: &Type, name: &str) -> Error {
    Error::new(
        ty.span(),
        format!(
            "no C type for `{name}`: add it to the table in macros/src/ctype.rs (NAMED, or ALIASES for an alias), \
             or spell the parameter with types it has"
        ),
    )
}
