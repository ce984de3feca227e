//! `<math.h>` classification functions glibc's libc exports as functions
//! (musl has only the macros): `isinf`, `isnan`, `finite` and their `f`, `l`
//! and `__` forms. They are C (`classify.c`) because Rust has no x87 `long
//! double` type to receive the `l` forms' argument in.
//!
//! `c23.c`: the exact C23 / TS 18661-1 functions musl lacks (`roundeven`,
//! `fmaximum` and its kin, `nextup`, `canonicalize`, `totalorder`, NaN
//! payloads, `llogb`, `__iseqsig`, `__issignaling`, `__iscanonicall`) and
//! the legacy `significandl` and `scalbl`.
//!
//! `gamma`, `gammaf`, `gammal` (`gamma.c`): glibc's old names of `lgamma`,
//! `lgammaf`, `lgammal`, which musl lacks; `__gamma_r_finite` and its `f` and
//! `l` forms, the core of glibc's `tgamma`.
//!
//! `aliases`: glibc's other names of musl's functions (`sinf32`, `sinf64x`,
//! `__exp_finite`, ...), each a jump to musl's.

mod aliases;
