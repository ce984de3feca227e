//! What the check needs from one ELF file, read with the `object` crate:
//! its loader-facing facts (interpreter, DT_NEEDED, search path, flags), the
//! symbols it offers to other objects, and the symbol references and
//! relocation types musl's loader will have to process.
//!
//! Everything borrows from the file's bytes (a memory map kept for the whole
//! run), so a thousand libraries cost their tables, not copies.

use object::elf;
use object::read::elf::{FileHeader, ProgramHeader, Rel, Rela, SectionHeader, Sym};
use object::{Endianness, FileKind, SymbolIndex};

/// How a file's definition of a name can serve a reference, under musl's
/// lookup rules (`find_sym2` in ldso/dynlink.c).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefKind {
    /// A definition any reference binds to.
    Real,
    /// An undefined symbol with a value (a non-PIE program's PLT entry for a
    /// function whose address it takes): musl lets it serve every reference
    /// but a PLT one (`need_def`).
    PltAddress,
    /// An STT_GNU_IFUNC definition: musl skips it (not in OK_TYPES).
    Ifunc,
}

/// A name a file offers to the process's global namespace.
#[derive(Clone, Copy, Debug)]
pub struct Export {
    pub name: &'static str,
    pub kind: DefKind,
    /// The default version it is defined at, when the caller asked for
    /// versions (only the shim's are reported).
    pub version: Option<&'static str>,
}

/// A symbol some relocation of the file binds by name.
#[derive(Clone, Copy, Debug)]
pub struct Import {
    pub name: &'static str,
    /// The version the reference asks for, and the library that version
    /// belongs to (its `vn_file`), as the file records them; musl ignores
    /// both when binding.
    pub version: Option<&'static str>,
    pub library: Option<&'static str>,
    /// Some relocation is a PLT one: only a real definition serves it.
    pub plt: bool,
    /// Some relocation is neither PLT nor COPY.
    pub other: bool,
    /// Some relocation is a COPY one: the lookup starts after the program.
    pub copy: bool,
}

/// One ELF file, as far as musl's loader and this check care.
#[derive(Debug)]
pub struct Object {
    pub machine: u16,
    pub is_64: bool,
    pub e_type: u16,
    pub interp: Option<&'static str>,
    /// PT_DYNAMIC: musl refuses a file without it ("Not a valid dynamic
    /// program"); the kernel runs such a program itself.
    pub dynamic: bool,
    pub needed: Vec<&'static str>,
    /// DT_RUNPATH, else DT_RPATH: musl reads both the same way (and lets them
    /// serve the dependencies' searches too).
    pub rpath: Option<&'static str>,
    /// DF_1_PIE without PT_INTERP: a static-pie, started by the kernel.
    pub static_pie: bool,
    /// DF_STATIC_TLS: initial-exec TLS, which musl can only give objects
    /// loaded at start-up.
    pub static_tls: bool,
    pub has_tls: bool,
    /// PT_GNU_STACK asks for an executable stack.
    pub exec_stack: bool,
    /// DT_RELR relative relocations (musl 1.2.4 and later apply them).
    pub relr: bool,
    /// No section headers: the symbol tables cannot be found.
    pub no_sections: bool,
    /// A PT_DYNAMIC with no contents in the file: a separate debug
    /// information file (`/usr/lib/debug/...`), no program at all.
    pub debug_info: bool,
    pub exports: Vec<Export>,
    pub imports: Vec<Import>,
    /// Relocation types musl's loader refuses, with how many of each;
    /// IRELATIVE apart.
    pub unsupported_relocs: Vec<(u32, usize)>,
    pub irelative: usize,
    /// Defines both `__libc_start_main` and `stdin`: musl takes any such
    /// library for a second libc and binds to itself instead (load_library).
    pub is_libc: bool,
}

impl Object {
    /// ET_EXEC: a program at a fixed address.
    pub fn is_exec(&self) -> bool {
        elf::FileType(self.e_type) == elf::ET_EXEC
    }

    /// ET_EXEC or ET_DYN, the types musl's `map_library` takes (not an
    /// object file or a core dump).
    pub fn is_loadable_type(&self) -> bool {
        matches!(elf::FileType(self.e_type), elf::ET_EXEC | elf::ET_DYN)
    }
}

/// The relocation types musl's loader processes for one architecture
/// (`arch/<arch>/reloc.h`): anything else is "unsupported relocation type".
pub struct RelocTypes {
    pub none: u32,
    pub plt: u32,
    pub copy: u32,
    pub irelative: u32,
    pub supported: &'static [u32],
}

/// musl's relocation table for `machine`, for the architectures it is known.
pub fn reloc_types(machine: u16) -> Option<&'static RelocTypes> {
    static X86_64: RelocTypes = RelocTypes {
        none: elf::R_X86_64_NONE.0,
        plt: elf::R_X86_64_JUMP_SLOT.0,
        copy: elf::R_X86_64_COPY.0,
        irelative: elf::R_X86_64_IRELATIVE.0,
        supported: &[
            elf::R_X86_64_64.0,
            elf::R_X86_64_PC32.0,
            elf::R_X86_64_GLOB_DAT.0,
            elf::R_X86_64_JUMP_SLOT.0,
            elf::R_X86_64_RELATIVE.0,
            elf::R_X86_64_COPY.0,
            elf::R_X86_64_DTPMOD64.0,
            elf::R_X86_64_DTPOFF64.0,
            elf::R_X86_64_TPOFF64.0,
            elf::R_X86_64_TLSDESC.0,
        ],
    };
    static AARCH64: RelocTypes = RelocTypes {
        none: elf::R_AARCH64_NONE.0,
        plt: elf::R_AARCH64_JUMP_SLOT.0,
        copy: elf::R_AARCH64_COPY.0,
        irelative: elf::R_AARCH64_IRELATIVE.0,
        supported: &[
            elf::R_AARCH64_ABS64.0,
            elf::R_AARCH64_GLOB_DAT.0,
            elf::R_AARCH64_JUMP_SLOT.0,
            elf::R_AARCH64_RELATIVE.0,
            elf::R_AARCH64_COPY.0,
            elf::R_AARCH64_TLS_DTPMOD.0,
            elf::R_AARCH64_TLS_DTPREL.0,
            elf::R_AARCH64_TLS_TPREL.0,
            elf::R_AARCH64_TLSDESC.0,
        ],
    };
    match elf::Machine(machine) {
        elf::EM_X86_64 => Some(&X86_64),
        elf::EM_AARCH64 => Some(&AARCH64),
        _ => None,
    }
}

/// The name `readelf` gives relocation type `r_type` of `machine`.
pub fn reloc_name(machine: u16, r_type: u32) -> String {
    elf::machine_names(elf::Machine(machine))
        .r
        .name(elf::RelocationType(r_type))
        .map_or_else(|| format!("type {r_type}"), str::to_string)
}

/// The `EM_*` name of `machine`.
pub fn machine_name(machine: u16) -> String {
    elf::Machine(machine).name().map_or_else(|| format!("machine {machine}"), str::to_string)
}

/// Whether `data` starts like an ELF file.
pub fn is_elf(data: &[u8]) -> bool {
    data.starts_with(&elf::ELFMAG)
}

/// What to read besides the loader facts.
pub struct Want<'a> {
    /// Keep the default version of each export (for the shim).
    pub export_versions: bool,
    /// A reference to a name this says is served everywhere (by musl or the
    /// shim, loaded in every process) is dropped at once: the check then
    /// only carries the references that depend on the file's own tree.
    pub always_served: &'a dyn Fn(&Import) -> bool,
    /// ...except these, kept to be reported (the shim's unimplemented names).
    pub keep: &'a dyn Fn(&str) -> bool,
}

/// Reads `data`, an ELF file of either class and byte order.
pub fn parse(data: &'static [u8], want: &Want) -> Result<Object, String> {
    match FileKind::parse(data) {
        Ok(FileKind::Elf32) => parse_as::<elf::FileHeader32<Endianness>>(data, want),
        Ok(FileKind::Elf64) => parse_as::<elf::FileHeader64<Endianness>>(data, want),
        _ => Err("not an ELF file".into()),
    }
}

fn text(bytes: &'static [u8]) -> &'static str {
    std::str::from_utf8(bytes).unwrap_or("<not UTF-8>")
}

fn parse_as<Elf: FileHeader<Endian = Endianness>>(data: &'static [u8], want: &Want) -> Result<Object, String> {
    let err = |what: &str, e: object::Error| format!("{what}: {e}");
    let header = Elf::parse(data).map_err(|e| err("ELF header", e))?;
    let endian = header.endian().map_err(|e| err("ELF header", e))?;
    let machine = header.e_machine(endian).0;
    let mut obj = Object {
        machine,
        is_64: header.is_type_64(),
        e_type: header.e_type(endian).0,
        interp: None,
        dynamic: false,
        needed: Vec::new(),
        rpath: None,
        static_pie: false,
        static_tls: false,
        has_tls: false,
        exec_stack: false,
        relr: false,
        no_sections: false,
        debug_info: false,
        exports: Vec::new(),
        imports: Vec::new(),
        unsupported_relocs: Vec::new(),
        irelative: 0,
        is_libc: false,
    };

    let program_headers = header.program_headers(endian, data).map_err(|e| err("program headers", e))?;
    let mut interp = None;
    for ph in program_headers {
        match ph.p_type(endian) {
            elf::PT_INTERP => interp = Some(ph),
            elf::PT_DYNAMIC => {
                obj.dynamic = true;
                obj.debug_info = ph.p_filesz(endian).into() == 0;
            }
            elf::PT_TLS => obj.has_tls = true,
            elf::PT_GNU_STACK => obj.exec_stack = ph.p_flags(endian).contains(elf::PF_X),
            _ => {}
        }
    }
    if obj.debug_info {
        return Ok(obj);
    }
    if let Some(ph) = interp {
        obj.interp = ph.interpreter(endian, data).map_err(|e| err("PT_INTERP", e))?.map(text);
    }
    if !obj.dynamic {
        return Ok(obj);
    }

    let sections = header.sections(endian, data).map_err(|e| err("section headers", e))?;
    if sections.is_empty() {
        obj.no_sections = true;
        return Ok(obj);
    }
    let dynamic = sections.dynamic_table(endian, data).map_err(|e| err("dynamic section", e))?;
    let (mut rpath, mut runpath, mut flags_1) = (None, None, 0);
    for d in dynamic.iter() {
        let string = || dynamic.string(d).map(text).map_err(|e| err("dynamic string", e));
        match d.tag {
            elf::DT_NEEDED => obj.needed.push(string()?),
            elf::DT_RPATH => rpath = Some(string()?),
            elf::DT_RUNPATH => runpath = Some(string()?),
            elf::DT_FLAGS => obj.static_tls = elf::DynamicFlags(d.val).contains(elf::DF_STATIC_TLS),
            elf::DT_FLAGS_1 => flags_1 = d.val,
            elf::DT_RELR => obj.relr = true,
            _ => {}
        }
    }
    obj.rpath = runpath.or(rpath);
    obj.static_pie = obj.interp.is_none() && elf::DynamicFlags1(flags_1).contains(elf::DF_1_PIE);

    let symbols = sections.symbols(endian, data, elf::SHT_DYNSYM).map_err(|e| err(".dynsym", e))?;
    let strings = symbols.strings();
    let versions = sections.versions(endian, data).map_err(|e| err("symbol versions", e))?;
    let name_of = |sym: &Elf::Sym| sym.name(endian, strings).map(text).map_err(|e| err(".dynsym name", e));
    // A definition whose version is hidden (`name@VER`, not `name@@VER`) is
    // invisible to musl's lookup (gnu_lookup / sysv_lookup).
    let hidden =
        |index: usize| versions.as_ref().is_some_and(|v| v.version_index(endian, SymbolIndex(index)).is_hidden());

    // What this file offers: musl's find_sym2 rules, symbol by symbol.
    let mut has_libc_start = false;
    let mut has_stdin = false;
    for (index, sym) in symbols.symbols().iter().enumerate().skip(1) {
        let bind = sym.st_bind();
        if !matches!(bind, elf::STB_GLOBAL | elf::STB_WEAK | elf::STB_GNU_UNIQUE) || hidden(index) {
            continue;
        }
        let st_type = sym.st_type();
        let defined = sym.st_shndx(endian) != elf::SHN_UNDEF;
        let valued = sym.st_value(endian).into() != 0 || st_type == elf::STT_TLS;
        let ok_type =
            matches!(st_type, elf::STT_NOTYPE | elf::STT_OBJECT | elf::STT_FUNC | elf::STT_COMMON | elf::STT_TLS);
        let kind = match (defined, valued, ok_type) {
            (true, _, false) if st_type == elf::STT_GNU_IFUNC => DefKind::Ifunc,
            (true, true, true) => DefKind::Real,
            (false, true, true) if st_type != elf::STT_TLS => DefKind::PltAddress,
            _ => continue,
        };
        let name = name_of(sym)?;
        if kind == DefKind::Real {
            has_libc_start |= name == "__libc_start_main";
            has_stdin |= name == "stdin";
        }
        let version = if want.export_versions {
            versions.as_ref().and_then(|v| {
                let index = v.version_index(endian, SymbolIndex(index)).index();
                v.version(index).ok().flatten().map(|ver| text(ver.name()))
            })
        } else {
            None
        };
        obj.exports.push(Export { name, kind, version });
    }
    obj.is_libc = has_libc_start && has_stdin;

    // What it references: every dynamic relocation table linked to .dynsym
    // (musl walks DT_JMPREL, DT_REL and DT_RELA, the same entries).
    let types = reloc_types(machine);
    let is_mips64el = header.is_mips64el(endian);
    let dynsym_index = symbols.section().0 as u32;
    // Per symbol index: which kinds of relocation bind it.
    let mut wanted: Vec<(bool, bool, bool)> = Vec::new();
    let mut unsupported: Vec<(u32, usize)> = Vec::new();
    let mut note = |sym: u32, r_type: u32, obj: &mut Object| {
        if let Some(t) = types {
            if r_type == t.none {
                return;
            }
            if r_type == t.irelative {
                obj.irelative += 1;
                return;
            }
            if !t.supported.contains(&r_type) {
                match unsupported.iter_mut().find(|(t, _)| *t == r_type) {
                    Some((_, n)) => *n += 1,
                    None => unsupported.push((r_type, 1)),
                }
                return;
            }
        }
        if sym == 0 {
            return;
        }
        let sym = sym as usize;
        if wanted.len() <= sym {
            wanted.resize(sym + 1, (false, false, false));
        }
        let w = &mut wanted[sym];
        match types {
            Some(t) if r_type == t.plt => w.0 = true,
            Some(t) if r_type == t.copy => w.2 = true,
            _ => w.1 = true,
        }
    };
    for section in sections.iter() {
        if !section.sh_flags(endian).contains(elf::SHF_ALLOC) {
            continue;
        }
        let link = section.sh_link(endian);
        if link != dynsym_index && link != 0 {
            continue;
        }
        if let Some((relas, _)) = section.rela(endian, data).map_err(|e| err("relocations", e))? {
            for r in relas {
                note(r.r_sym(endian, is_mips64el), r.r_type(endian, is_mips64el).0, &mut obj);
            }
        } else if let Some((rels, _)) = section.rel(endian, data).map_err(|e| err("relocations", e))? {
            for r in rels {
                note(r.r_sym(endian), r.r_type(endian).0, &mut obj);
            }
        }
    }
    obj.unsupported_relocs = unsupported;

    for (index, &(plt, other, copy)) in wanted.iter().enumerate() {
        if !(plt || other || copy) {
            continue;
        }
        let sym = symbols.symbol(SymbolIndex(index)).map_err(|e| err("relocation symbol", e))?;
        if sym.st_bind() == elf::STB_LOCAL {
            continue; // binds to itself (do_relocs)
        }
        let defined = sym.st_shndx(endian) != elf::SHN_UNDEF;
        if !defined && sym.st_bind() == elf::STB_WEAK {
            continue; // an unresolved weak reference is no error
        }
        let st_type = sym.st_type();
        let usable_here = defined
            && !hidden(index)
            && matches!(st_type, elf::STT_NOTYPE | elf::STT_OBJECT | elf::STT_FUNC | elf::STT_COMMON | elf::STT_TLS)
            && (sym.st_value(endian).into() != 0 || st_type == elf::STT_TLS);
        // The file's own usable definition serves every lookup but a COPY
        // one (which starts after the program; a library has no COPY).
        if usable_here && !copy {
            continue;
        }
        let (version, library) = match &versions {
            Some(v) if !defined => {
                let vi = v.version_index(endian, SymbolIndex(index)).index();
                match v.version(vi).ok().flatten() {
                    Some(ver) => (Some(text(ver.name())), ver.file().map(text)),
                    None => (None, None),
                }
            }
            _ => (None, None),
        };
        let import = Import { name: name_of(sym)?, version, library, plt, other, copy };
        if (want.always_served)(&import) && !(want.keep)(import.name) {
            continue;
        }
        obj.imports.push(import);
    }
    Ok(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x86_64_table_is_musls() {
        let t = reloc_types(62).unwrap();
        // arch/x86_64/reloc.h: 64, PC32, GLOB_DAT, JUMP_SLOT, RELATIVE, COPY,
        // DTPMOD64, DTPOFF64, TPOFF64, TLSDESC.
        assert_eq!(t.supported, &[1, 2, 6, 7, 8, 5, 16, 17, 18, 36]);
        assert_eq!((t.plt, t.copy, t.irelative), (7, 5, 37));
        assert!(!t.supported.contains(&10), "R_X86_64_32 is not musl's");
        assert_eq!(reloc_name(62, 37), "R_X86_64_IRELATIVE");
    }
}
