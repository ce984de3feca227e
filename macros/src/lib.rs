//! `#[export]`: the one way the shim declares a symbol that C code sees.
//! `src/abi/export.rs` in the shim documents the mechanism, the record
//! format and the C side; this crate is the attribute.
//!
//! - `#[export]` on an `extern "C" fn` or a `static`: a glibc name. It must
//!   be in `symbols/` for the target architecture (else the build fails),
//!   a fn must have a `# Safety` section, and the symbol keeps its Rust
//!   name only outside host unit tests (whose binary would otherwise
//!   interpose the host libc).
//! - `#[export(alias = "name")]`: also under another glibc name (repeatable),
//!   as musl's `weak_alias`.
//! - `#[export(local)]`: a helper the shim's own C fronts call; not a glibc
//!   name, hidden by the version script.
//!
//! Each expands to the item with `#[unsafe(no_mangle)]` (for a glibc name,
//! not in unit tests) and one `crate::abi::export::record!` per name, which carries the
//! item's C declaration, made from its Rust types by [`ctype`]'s explicit
//! table: a type the table does not know is refused.

mod ctype;

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;
use quote::{ToTokens, quote};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Error, Expr, ExprLit, Ident, Item, ItemFn, Lit, Meta, Token};

#[proc_macro_attribute]
pub fn export(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand(attr.into(), item.into()).unwrap_or_else(Error::into_compile_error).into()
}

/// What the attribute's arguments ask for.
#[derive(Default)]
struct Options {
    local: bool,
    aliases: Vec<Ident>,
}

fn options(attr: TokenStream2) -> syn::Result<Options> {
    let mut options = Options::default();
    for meta in Punctuated::<Meta, Token![,]>::parse_terminated.parse2(attr)? {
        match &meta {
            Meta::Path(p) if p.is_ident("local") => options.local = true,
            Meta::NameValue(nv) if nv.path.is_ident("alias") => match &nv.value {
                Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) => {
                    let alias = syn::parse_str::<Ident>(&s.value())
                        .map_err(|_| Error::new(s.span(), "an alias is a C identifier"))?;
                    options.aliases.push(Ident::new(&alias.to_string(), s.span()));
                }
                other => return Err(Error::new(other.span(), "expected `alias = \"name\"`")),
            },
            _ => {
                return Err(Error::new(meta.span(), "expected `local` or `alias = \"name\"`"));
            }
        }
    }
    if options.local && !options.aliases.is_empty() {
        return Err(Error::new(
            options.aliases[0].span(),
            "a `local` helper has no aliases (an alias is a glibc name)",
        ));
    }
    Ok(options)
}

fn expand(attr: TokenStream2, item: TokenStream2) -> syn::Result<TokenStream2> {
    let options = options(attr)?;
    let item: Item = syn::parse2(item)?;
    let mut types = ctype::Mapper::default();
    let (name, attrs, decl) = match &item {
        Item::Fn(f) => {
            check_function(f)?;
            (&f.sig.ident, &f.attrs, types.function(&f.sig)?)
        }
        Item::Static(s) => (&s.ident, &s.attrs, types.data(s)?),
        other => {
            return Err(Error::new(other.span(), "#[export] goes on an `extern \"C\" fn` or a `static`"));
        }
    };
    let alias_decls: Vec<String> = options.aliases.iter().map(|a| decl.named(a)).collect();
    let decl = decl.named(name);
    if let Some(a) = attrs.iter().find(|a| ["no_mangle", "export_name", "link_section"].iter().any(|n| names(a, n))) {
        return Err(Error::new(a.span(), "#[export] names the symbol itself: drop this attribute"));
    }
    let kind = Ident::new(if options.local { "local" } else { "export" }, name.span());
    // A glibc name keeps its C name only in the shim: in a host unit test
    // binary it would interpose the host libc's. There the item is plain
    // Rust, called by its path if at all (so not dead for lack of C
    // callers, and with no case rules for its C name). A `local` helper's
    // name (`__gcompat_*`) is the shim's own, and the C fronts that call it
    // are linked into unit tests too.
    let no_mangle = if options.local {
        quote!(#[unsafe(no_mangle)])
    } else {
        quote! {
            #[cfg_attr(not(test), unsafe(no_mangle))]
            #[cfg_attr(test, allow(dead_code, non_snake_case, non_upper_case_globals))]
        }
    };
    let checks = types.checks();
    let aliases = &options.aliases;
    Ok(quote! {
        #no_mangle
        #item
        #[cfg(not(test))]
        crate::abi::export::record!(#kind #name, #decl);
        #(
            #[cfg(not(test))]
            crate::abi::export::record!(alias #aliases = #name, #alias_decls);
        )*
        #checks
    })
}

/// Whether `attr` is `#[name ...]` or `#[unsafe(name ...)]`.
fn names(attr: &Attribute, name: &str) -> bool {
    attr.path().is_ident(name)
        || (attr.path().is_ident("unsafe") && attr.meta.to_token_stream().to_string().contains(name))
}

/// An exported fn is `extern "C"`, not generic, and documents what its
/// callers must uphold.
fn check_function(f: &ItemFn) -> syn::Result<()> {
    let sig = &f.sig;
    let c_abi = ctype::c_abi(sig.abi.as_ref());
    if !c_abi {
        return Err(Error::new(sig.fn_token.span(), "an exported fn is `extern \"C\"`"));
    }
    if !sig.generics.params.is_empty() {
        return Err(Error::new(sig.generics.span(), "an exported fn is not generic"));
    }
    let safety = f.attrs.iter().filter(|a| a.path().is_ident("doc")).any(|a| match &a.meta {
        Meta::NameValue(nv) => {
            matches!(&nv.value, Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) if s.value().trim() == "# Safety")
        }
        _ => false,
    });
    if !safety {
        return Err(Error::new(
            sig.ident.span(),
            "an exported fn documents what its C callers must uphold: add a `# Safety` section",
        ));
    }
    Ok(())
}

impl ctype::Mapper {
    /// `const _` items that make the compiler check each named type the
    /// C declarations used is the Rust type the table says it is.
    fn checks(&self) -> TokenStream2 {
        let pairs = self.named.iter().map(|(written, canonical)| {
            quote! {
                #[cfg(not(test))]
                const _: fn(*const #written) -> *const #canonical = |x| x;
            }
        });
        quote!(#(#pairs)*)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(item: &str) -> syn::Result<String> {
        let out = expand(quote!(), syn::parse_str(item).unwrap())?.to_string();
        Ok(out.split("record !").nth(1).unwrap().split('"').nth(1).unwrap().to_string())
    }

    const SAFETY: &str = "/// x\n///\n/// # Safety\n/// y\n";

    #[test]
    fn declarations() {
        let f = |s: &str| decl(&format!("{SAFETY}{s}")).unwrap();
        assert_eq!(
            f("pub unsafe extern \"C\" fn a(x: c_int, p: *const c_char) -> *mut c_char {}"),
            "char *a(int, char const *)"
        );
        assert_eq!(f("pub unsafe extern \"C\" fn b() -> ! {}"), "_Noreturn void b(void)");
        assert_eq!(
            f("pub unsafe extern \"C\" fn c(f: Option<unsafe extern \"C\" fn(*mut c_void) -> c_int>, ap: VaList) {}"),
            "void c(__typeof__(int (*)(void *)), va_list)"
        );
        assert_eq!(
            f("pub unsafe extern \"C\" fn d(a: *const *const c_char, s: *mut libc::stat) -> usize {}"),
            "unsigned long d(char const * const *, struct stat *)"
        );
        assert_eq!(decl("pub static mut e: c_int = 0;").unwrap(), "extern int e");
        assert_eq!(decl("pub static f: [TextPtr; 3] = x;").unwrap(), "extern char const * const f[]");
    }

    #[test]
    fn refusals() {
        let err = |s: &str| expand(quote!(), syn::parse_str(s).unwrap()).unwrap_err().to_string();
        assert!(err("pub unsafe extern \"C\" fn a() {}").contains("# Safety"));
        assert!(err(&format!("{SAFETY}pub unsafe fn a() {{}}")).contains("extern \"C\""));
        assert!(
            err(&format!("{SAFETY}pub unsafe extern \"C\" fn a(x: Unknown) {{}}")).contains("no C type for `Unknown`")
        );
        assert!(
            err(&format!("{SAFETY}#[unsafe(no_mangle)] pub unsafe extern \"C\" fn a() {{}}"))
                .contains("drop this attribute")
        );
    }
}
