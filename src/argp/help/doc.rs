//! The doc strings of the tree (glibc's `argp_doc`): the text before and
//! after each argp's vertical tab, and the help filter's extra text.

use super::*;

impl Help {
    /// The doc strings of the tree: the part before '\v' (`post` false,
    /// first one only if `first_only`) or after it; returns whether anything
    /// was printed (glibc's `argp_doc`).
    ///
    /// # Safety
    /// `argp` is null or a valid tree.
    pub(super) unsafe fn argp_doc(
        &self,
        fs: &mut FmtStream,
        argp: *const argp,
        post: bool,
        pre_blank: bool,
        first_only: bool,
    ) -> bool {
        if argp.is_null() {
            return false;
        }
        let mut anything = false;
        // SAFETY: a valid tree; the filter's contract.
        unsafe {
            let a = &*argp;
            let docstr = tr(a.argp_domain, a.doc);
            let mut inp_text: *const c_char = null();
            let mut limit = 0;
            if !docstr.is_null() {
                let vt = libc::strchr(docstr, 0x0b);
                inp_text = if post { if vt.is_null() { null() } else { vt.add(1) } } else { docstr };
                limit = if !post && !vt.is_null() { vt.offset_from(docstr) as usize } else { 0 };
            }
            let mut input = core::ptr::null_mut();
            let t = if let Some(filter) = a.help_filter {
                if limit != 0 {
                    inp_text = libc::strndup(inp_text, limit);
                }
                input = input_of(argp, self.state);
                let key = if post { ARGP_KEY_HELP_POST_DOC } else { ARGP_KEY_HELP_PRE_DOC };
                filter(key, inp_text, input).cast_const()
            } else {
                inp_text
            };
            if !t.is_null() {
                if pre_blank {
                    fs.putc(b'\n');
                }
                if t == inp_text && limit != 0 {
                    fs.write(&text(inp_text)[..limit]);
                } else {
                    fs.puts(text(t));
                }
                if fs.point() > fs.lmargin {
                    fs.putc(b'\n');
                }
                anything = true;
            }
            if !t.is_null() && t != inp_text {
                libc::free(t.cast_mut().cast());
            }
            if !inp_text.is_null() && limit != 0 && a.help_filter.is_some() {
                libc::free(inp_text.cast_mut().cast());
            }
            if post && let Some(filter) = a.help_filter {
                let extra = filter(ARGP_KEY_HELP_EXTRA, null(), input);
                if !extra.is_null() {
                    if anything || pre_blank {
                        fs.putc(b'\n');
                    }
                    fs.puts(text(extra));
                    libc::free(extra.cast());
                    if fs.point() > fs.lmargin {
                        fs.putc(b'\n');
                    }
                    anything = true;
                }
            }
            let mut child = a.children;
            while !(child.is_null() || (*child).argp.is_null() || (first_only && anything)) {
                anything |= self.argp_doc(fs, (*child).argp, post, anything || pre_blank, first_only);
                child = child.add(1);
            }
        }
        anything
    }
}
