#ifndef SOPSITE_INLINE_CHARS_H
#define SOPSITE_INLINE_CHARS_H

/// 1 when cmark-gfm's parsers call this target's `cmark_manage_extensions_special_characters`
/// (see inline_chars.c), so that parsers on several threads need not take turns; 0 otherwise
/// (a cmark-gfm linked statically, or built to call its own function directly).
int sopsite_inline_chars_kept(void);

#endif
