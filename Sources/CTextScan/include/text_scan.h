#ifndef SOPSITE_TEXT_SCAN_H
#define SOPSITE_TEXT_SCAN_H

#include <stddef.h>

/// 1 when a byte of `bytes` starts a character that pages and feeds cannot carry: a byte below
/// 0x20 other than tab, line feed and carriage return, 0x7F, 0xC2 (U+0080-U+009F) or 0xEF
/// (U+FFFE, U+FFFF); 0 otherwise. It may say 1 for a text that holds none (0xC2 and 0xEF also
/// start characters that can be published): the caller then looks closer.
int sopsite_may_hold_unpublishable(const unsigned char *bytes, size_t count);

/// Where the first byte of `bytes` is that HTML escapes: `"` `&` `<` `>`, and `'` when
/// `apostrophe` is not 0; `count` when there is none.
size_t sopsite_first_html_special(const unsigned char *bytes, size_t count, int apostrophe);

/// Where the first byte of `bytes` is that an SVG text is looked at for, letter by letter:
/// below 0x20, `"` `&` `<` `>`, 0x7F, 0xC2 or 0xEF; `count` when there is none.
size_t sopsite_first_xml_look(const unsigned char *bytes, size_t count);

/// 1 when every byte of `bytes` is an ASCII letter or digit, a space, `. , ( ) / % -`, or part of
/// a Thai letter (E0 B8 xx, E0 B9 xx), and no "www." (in any case) is there; 0 otherwise. The
/// byte test of `Markdown.isPlainText`, which every event note passes twice.
int sopsite_plain_line_bytes(const unsigned char *bytes, size_t count);

#endif
