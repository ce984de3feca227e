//! The shim's one reader of loaded objects' ELF data: the dynamic section,
//! the dynamic symbol table and its hash tables, and the symbol version
//! tables, over the record layouts of the `gcompat-elf` crate (which the
//! loader stub reads executables' headers with).
//!
//! An [`Image`] is an object musl's loader has mapped: its load bias and
//! program headers (from `dl_iterate_phdr`, `objects::walk`). musl never
//! unloads an object, so what an image points at stays mapped for the life
//! of the process, and the slices and strings read from it are `'static`.
//! musl leaves the dynamic section as the linker wrote it: `d_ptr` values
//! are offsets from the load bias (glibc's loader rewrites them in place to
//! addresses; the shim only runs under musl's).

use core::ffi::{CStr, c_char};

pub use gcompat_elf::{
    DT_GNU_HASH, DT_HASH, DT_NULL, DT_STRTAB, DT_SYMTAB, DT_VERDEF, DT_VERDEFNUM, DT_VERNEED, DT_VERNEEDNUM, DT_VERSYM,
    Dyn, PT_DYNAMIC, PT_GNU_EH_FRAME, PT_GNU_RELRO, PT_LOAD, Phdr, Sym, VERSYM_HIDDEN, Verdaux, Verdef, Vernaux,
    Verneed,
};

// musl's `dl_phdr_info` points at the same records as `Phdr`.
const _: () = assert!(size_of::<libc::Elf64_Phdr>() == size_of::<Phdr>());

/// The most version records read from one object: a bound on a corrupt
/// chain (glibc's own libc defines about 50 versions).
const MAX_VERSIONS: usize = 1024;

/// A loaded object: its load bias and its program headers.
#[derive(Clone, Copy)]
pub struct Image {
    base: usize,
    phdrs: &'static [Phdr],
}

impl Image {
    /// # Safety
    /// `phdrs` are the program headers of an object musl's loader has
    /// loaded at `base` (see the module docs).
    pub unsafe fn new(base: usize, phdrs: &'static [Phdr]) -> Image {
        Image { base, phdrs }
    }

    /// The object a `dl_iterate_phdr` record describes.
    ///
    /// # Safety
    /// `info` is a record musl's `dl_iterate_phdr` passed.
    pub unsafe fn of(info: &libc::dl_phdr_info) -> Image {
        let phdrs = if info.dlpi_phdr.is_null() {
            &[][..]
        } else {
            // SAFETY: musl's record: `dlpi_phnum` headers at `dlpi_phdr`, in
            // the object's mapping, which stays.
            unsafe { core::slice::from_raw_parts(info.dlpi_phdr.cast::<Phdr>(), usize::from(info.dlpi_phnum)) }
        };
        // SAFETY: the caller's contract.
        unsafe { Image::new(info.dlpi_addr as usize, phdrs) }
    }

    /// The load bias (`dlpi_addr`, glibc's `l_addr`).
    pub fn base(&self) -> usize {
        self.base
    }

    pub fn phdrs(&self) -> &'static [Phdr] {
        self.phdrs
    }

    /// The `PT_LOAD` segments.
    pub fn loads(&self) -> impl Iterator<Item = &'static Phdr> {
        self.phdrs.iter().filter(|p| p.p_type == PT_LOAD)
    }

    /// Whether one of the object's segments holds `addr`.
    pub fn contains(&self, addr: usize) -> bool {
        self.loads().any(|p| p.contains(self.base, addr))
    }

    /// The run-time address of the first segment of type `kind`.
    pub fn segment(&self, kind: u32) -> Option<usize> {
        let p = self.phdrs.iter().find(|p| p.p_type == kind)?;
        Some(self.base.wrapping_add(p.p_vaddr as usize))
    }

    /// The dynamic section, without its `DT_NULL`.
    pub fn dynamic(&self) -> &'static [Dyn] {
        let Some(start) = self.segment(PT_DYNAMIC) else {
            return &[];
        };
        let start = start as *const Dyn;
        let mut n = 0;
        // SAFETY: PT_DYNAMIC is a DT_NULL-terminated array in the object's
        // mapping (the type's contract).
        unsafe {
            while (*start.add(n)).d_tag != DT_NULL {
                n += 1;
            }
            core::slice::from_raw_parts(start, n)
        }
    }

    /// The value of the first dynamic entry `tag`.
    pub fn value(&self, tag: i64) -> Option<usize> {
        self.dynamic().iter().find(|d| d.d_tag == tag).map(|d| d.d_val as usize)
    }

    /// The run-time address a `d_ptr` entry `tag` names.
    pub fn address(&self, tag: i64) -> Option<usize> {
        self.value(tag).map(|offset| self.base.wrapping_add(offset))
    }

    /// The string at `offset` in the table at `strtab` (an address).
    fn string(strtab: usize, offset: u32) -> &'static CStr {
        // SAFETY: names index the object's DT_STRTAB, NUL-terminated strings
        // in its mapping (the type's contract).
        unsafe { CStr::from_ptr((strtab + offset as usize) as *const c_char) }
    }

    /// The dynamic symbol table, if the object has one with a hash table
    /// (which is what says how many symbols it holds).
    pub fn symbols(&self) -> Option<Symbols> {
        let symtab = self.address(DT_SYMTAB)? as *const Sym;
        let strtab = self.address(DT_STRTAB)?;
        let hash = match (self.address(DT_GNU_HASH), self.address(DT_HASH)) {
            (Some(gnu), _) => Hash::Gnu(gnu as *const u32),
            (None, Some(sysv)) => Hash::Sysv(sysv as *const u32),
            (None, None) => return None,
        };
        // SAFETY: the hash table of this object (the type's contract).
        let count = unsafe { hash.symbol_count() };
        Some(Symbols {
            base: self.base,
            // SAFETY: the hash table covers `count` symbols at DT_SYMTAB.
            table: unsafe { core::slice::from_raw_parts(symtab, count) },
            strtab,
            versym: self.address(DT_VERSYM).map(|v| v as *const u16),
            hash,
        })
    }

    /// Whether `test` holds for the name of a version the object needs
    /// (`DT_VERNEED`, `name@VERSION` references to other objects).
    pub fn needs_version(&self, mut test: impl FnMut(&CStr) -> bool) -> bool {
        let (Some(strtab), Some(mut need)) = (self.address(DT_STRTAB), self.address(DT_VERNEED)) else {
            return false;
        };
        let count = self.value(DT_VERNEEDNUM).unwrap_or(0).min(MAX_VERSIONS);
        for _ in 0..count {
            // SAFETY: DT_VERNEED points at `count` chained records, each with
            // its chain of `vn_cnt` Vernaux (the type's contract).
            let vn = unsafe { &*(need as *const Verneed) };
            let mut aux = need + vn.vn_aux as usize;
            for _ in 0..vn.vn_cnt {
                // SAFETY: as above.
                let va = unsafe { &*(aux as *const Vernaux) };
                if test(Self::string(strtab, va.vna_name)) {
                    return true;
                }
                if va.vna_next == 0 {
                    break;
                }
                aux += va.vna_next as usize;
            }
            if vn.vn_next == 0 {
                break;
            }
            need += vn.vn_next as usize;
        }
        false
    }

    /// The name of the version the object defines at `index` (a
    /// `DT_VERSYM` entry; its hidden bit is ignored).
    pub fn version_name(&self, index: u16) -> Option<&'static CStr> {
        let strtab = self.address(DT_STRTAB)?;
        let mut def = self.address(DT_VERDEF)?;
        let count = self.value(DT_VERDEFNUM)?.min(MAX_VERSIONS);
        let index = index & !VERSYM_HIDDEN;
        for _ in 0..count {
            // SAFETY: DT_VERDEF points at `count` chained records, each with
            // its first Verdaux (the version's own name) at `vd_aux`.
            let (vd, name) = unsafe {
                let vd = &*(def as *const Verdef);
                (vd, (*((def + vd.vd_aux as usize) as *const Verdaux)).vda_name)
            };
            if vd.vd_ndx & !VERSYM_HIDDEN == index {
                return Some(Self::string(strtab, name));
            }
            if vd.vd_next == 0 {
                break;
            }
            def += vd.vd_next as usize;
        }
        None
    }
}

/// A loaded object's dynamic symbol table.
pub struct Symbols {
    base: usize,
    table: &'static [Sym],
    strtab: usize,
    versym: Option<*const u16>,
    hash: Hash,
}

impl Symbols {
    /// Every symbol, index 0 (the null symbol) included.
    pub fn table(&self) -> &'static [Sym] {
        self.table
    }

    pub fn name(&self, sym: &Sym) -> &'static CStr {
        Image::string(self.strtab, sym.st_name)
    }

    /// The run-time address a defined symbol names.
    pub fn address(&self, sym: &Sym) -> usize {
        self.base.wrapping_add(sym.st_value as usize)
    }

    /// Whether the object has symbol versions (`DT_VERSYM`): glibc-built
    /// objects and the shim do, musl's libc does not.
    pub fn has_versions(&self) -> bool {
        self.versym.is_some()
    }

    /// Symbol `index`'s `DT_VERSYM` entry; `None` when the object has no
    /// version information (musl's libc, most musl-built objects).
    pub fn version(&self, index: usize) -> Option<u16> {
        let versym = self.versym?;
        // SAFETY: DT_VERSYM has one entry per symbol of the table.
        (index < self.table.len()).then(|| unsafe { *versym.add(index) })
    }

    /// The object's exported definitions of `name` ([`Sym::is_export`]),
    /// with their indexes: one per version it defines the name at. Found
    /// through the object's hash table, as the loaders find them.
    pub fn exports_named<'a>(&'a self, name: &'a CStr) -> impl Iterator<Item = (usize, &'static Sym)> + 'a {
        let table = self.table;
        // SAFETY: the hash table of this object (the type's contract).
        unsafe { self.hash.chain(name.to_bytes()) }
            .filter_map(move |i| Some((i, table.get(i)?)))
            .filter(move |(_, sym)| sym.is_export() && self.name(sym) == name)
    }
}

/// An object's symbol hash table: GNU's (`DT_GNU_HASH`) or System V's
/// (`DT_HASH`). Both map a name to a chain of symbol indexes that holds
/// every symbol of that name.
#[derive(Clone, Copy)]
enum Hash {
    Gnu(*const u32),
    Sysv(*const u32),
}

impl Hash {
    /// How many symbols the table covers: System V's says; GNU's ends one
    /// past the end of its last chain.
    ///
    /// # Safety
    /// The table is a loaded object's.
    unsafe fn symbol_count(self) -> usize {
        match self {
            // SAFETY: nbucket, nchain, ...: nchain is the symbol count.
            Hash::Sysv(table) => unsafe { *table.add(1) as usize },
            // SAFETY: nbuckets, symoffset, bloom size, bloom shift, the bloom
            // words (64-bit), the buckets, the chains.
            Hash::Gnu(table) => unsafe {
                let (buckets, chains, symoffset) = gnu_parts(table);
                let last = buckets.iter().map(|&b| b as usize).max().unwrap_or(0);
                if last < symoffset {
                    return symoffset;
                }
                let mut i = last;
                while *chains.add(i - symoffset) & 1 == 0 {
                    i += 1;
                }
                i + 1
            },
        }
    }

    /// The indexes of the symbols that may be named `name`.
    ///
    /// # Safety
    /// The table is a loaded object's.
    unsafe fn chain(self, name: &[u8]) -> Chain {
        match self {
            Hash::Sysv(table) => {
                // SAFETY: nbucket, nchain, buckets[nbucket], chains[nchain].
                let (nbucket, nchain) = unsafe { (*table as usize, *table.add(1) as usize) };
                if nbucket == 0 {
                    return Chain::Done;
                }
                let buckets = table.wrapping_add(2);
                // SAFETY: a bucket of the table.
                let first = unsafe { *buckets.add(sysv_hash(name) as usize % nbucket) } as usize;
                Chain::Sysv { chains: buckets.wrapping_add(nbucket), nchain, next: first, steps: nchain }
            }
            Hash::Gnu(table) => {
                // SAFETY: the table's layout, as in symbol_count.
                let (buckets, chains, symoffset) = unsafe { gnu_parts(table) };
                if buckets.is_empty() {
                    return Chain::Done;
                }
                let hash = gnu_hash(name);
                let first = buckets[hash as usize % buckets.len()] as usize;
                if first < symoffset {
                    return Chain::Done;
                }
                Chain::Gnu { chains, symoffset, next: first, hash }
            }
        }
    }
}

/// A GNU hash table's buckets, chains (indexed from `symoffset`) and
/// `symoffset`.
///
/// # Safety
/// `table` is a loaded object's `DT_GNU_HASH` table.
unsafe fn gnu_parts(table: *const u32) -> (&'static [u32], *const u32, usize) {
    // SAFETY: the caller's contract; the header is four words, the bloom
    // filter `bloom_size` 64-bit words.
    unsafe {
        let (nbuckets, symoffset, bloom_size) = (*table as usize, *table.add(1) as usize, *table.add(2) as usize);
        let buckets = table.add(4 + 2 * bloom_size);
        (core::slice::from_raw_parts(buckets, nbuckets), buckets.add(nbuckets), symoffset)
    }
}

/// A walk along one hash chain (see [`Hash::chain`]).
enum Chain {
    Done,
    Sysv { chains: *const u32, nchain: usize, next: usize, steps: usize },
    Gnu { chains: *const u32, symoffset: usize, next: usize, hash: u32 },
}

impl Iterator for Chain {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            // One step: a candidate index, and whether the chain ends here.
            let (candidate, last) = match self {
                Chain::Done => return None,
                Chain::Sysv { chains, nchain, next, steps } => {
                    // Index 0 ends a chain; `steps` bounds a corrupt, cyclic one.
                    if *next == 0 || *next >= *nchain || *steps == 0 {
                        (None, true)
                    } else {
                        let at = *next;
                        // SAFETY: `at < nchain`, an entry of the chain array.
                        *next = unsafe { *chains.add(at) } as usize;
                        *steps -= 1;
                        (Some(at), false)
                    }
                }
                Chain::Gnu { chains, symoffset, next, hash } => {
                    let at = *next;
                    // SAFETY: a chain runs from its bucket's first index to
                    // the entry with the low bit set, inside the table.
                    let entry = unsafe { *chains.add(at - *symoffset) };
                    *next += 1;
                    // An entry is its symbol's hash with the low bit replaced
                    // by the end-of-chain mark.
                    ((entry | 1 == *hash | 1).then_some(at), entry & 1 != 0)
                }
            };
            if last {
                *self = Chain::Done;
            }
            if candidate.is_some() || last {
                return candidate;
            }
        }
    }
}

/// The GNU hash of a symbol name (`dl_new_hash`).
fn gnu_hash(name: &[u8]) -> u32 {
    name.iter().fold(5381u32, |h, &c| h.wrapping_mul(33).wrapping_add(u32::from(c)))
}

/// The System V ABI's hash of a symbol name (`elf_hash`).
fn sysv_hash(name: &[u8]) -> u32 {
    name.iter().fold(0u32, |h, &c| {
        let h = (h << 4).wrapping_add(u32::from(c));
        let high = h & 0xf000_0000;
        (h ^ (high >> 24)) & !high
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use gcompat_elf::{Ehdr, Record};
    use std::vec::Vec;

    /// The host's glibc, as the test process loaded it.
    fn host_libc() -> std::path::PathBuf {
        crate::abi::objects::walk(|info, _| {
            // SAFETY: musl's and glibc's records name each object by a C string.
            let name = unsafe { CStr::from_ptr(info.dlpi_name) }.to_str().ok()?;
            name.contains("/libc.so.6").then(|| name.into())
        })
        .expect("the test process has loaded libc.so.6")
    }

    /// The object in the file at `path` as musl's loader leaves it: each
    /// `PT_LOAD` segment's bytes at its address (in memory that stays), the
    /// dynamic section as the linker wrote it.
    fn load(path: &std::path::Path) -> Image {
        let file = std::fs::read(path).unwrap();
        let eh = Ehdr::read(&file).unwrap();
        let phdrs: Vec<Phdr> = (0..usize::from(eh.e_phnum))
            .map(|i| Phdr::read(&file[eh.e_phoff as usize + i * size_of::<Phdr>()..]).unwrap())
            .collect();
        let loads = || phdrs.iter().filter(|p| p.p_type == PT_LOAD);
        let span = loads().map(|p| (p.p_vaddr + p.p_memsz) as usize).max().unwrap();
        let memory = Vec::leak(std::vec![0u64; span.div_ceil(8)]).as_mut_ptr().cast::<u8>();
        for p in loads() {
            let bytes = &file[p.p_offset as usize..][..p.p_filesz as usize];
            // SAFETY: inside the `span` bytes just allocated.
            unsafe { memory.add(p.p_vaddr as usize).copy_from(bytes.as_ptr(), bytes.len()) };
        }
        // SAFETY: an object laid out as a loader lays it out, kept for good.
        unsafe { Image::new(memory as usize, Vec::leak(phdrs)) }
    }

    /// Each exported definition is found by name through the hash table,
    /// and nothing is found for a name no object defines.
    fn check_lookups(image: &Image) -> usize {
        let symbols = image.symbols().unwrap();
        let mut exports = 0;
        for (i, sym) in symbols.table().iter().enumerate().filter(|(_, s)| s.is_export()) {
            let name = symbols.name(sym);
            assert!(symbols.exports_named(name).any(|(j, _)| j == i), "{name:?} (symbol {i}) not found");
            exports += 1;
        }
        assert!(symbols.exports_named(c"gcompat_no_such_name").next().is_none());
        exports
    }

    #[test]
    fn every_export_is_found_through_either_hash_table() {
        let image = load(&host_libc());
        assert!(image.value(DT_GNU_HASH).is_some() && image.value(DT_HASH).is_some(), "glibc's libc.so.6 has both");
        let gnu_count = image.symbols().unwrap().table().len();
        let exports = check_lookups(&image);
        assert!(exports > 1000, "{exports} exports in libc.so.6");

        // The same object with its GNU table hidden (DT_DEBUG is ignored).
        let gnu = image.dynamic().iter().position(|d| d.d_tag == DT_GNU_HASH).unwrap();
        // SAFETY: the test's own copy of the object, in writable memory.
        unsafe { (*image.dynamic().as_ptr().add(gnu).cast_mut()).d_tag = 21 };
        assert_eq!(image.symbols().unwrap().table().len(), gnu_count, "both tables cover every symbol");
        assert_eq!(check_lookups(&image), exports);
    }

    #[test]
    fn versions_defined_and_needed() {
        let image = load(&host_libc());
        let symbols = image.symbols().unwrap();
        assert!(symbols.has_versions());
        let versions: Vec<&CStr> = symbols
            .exports_named(c"malloc")
            .map(|(i, _)| image.version_name(symbols.version(i).unwrap()).unwrap())
            .collect();
        assert_eq!(versions, [c"GLIBC_2.2.5"]);
        // Two definitions of one name, one default and one hidden.
        let mut realpath: Vec<(&CStr, bool)> = symbols
            .exports_named(c"realpath")
            .map(|(i, _)| {
                let v = symbols.version(i).unwrap();
                (image.version_name(v).unwrap(), v & VERSYM_HIDDEN != 0)
            })
            .collect();
        realpath.sort();
        assert_eq!(realpath, [(c"GLIBC_2.2.5", true), (c"GLIBC_2.3", false)]);
        // libc.so.6 needs versions of ld-linux-x86-64.so.2's.
        assert!(image.needs_version(|v| v == c"GLIBC_PRIVATE"));
        assert!(!image.needs_version(|v| v == c"GLIBC_9.99"));
    }
}
