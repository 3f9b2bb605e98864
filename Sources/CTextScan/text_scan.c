#include "text_scan.h"

// Every byte of every content file, and of every value of every page, passes here. Each scan
// first passes over blocks of 32 bytes in which no byte meets its test: no early exit inside a
// block, so that the compiler checks each block with vector instructions (Swift's SIMD types
// were compiled byte by byte through the stack). Then byte by byte, from the first block with
// one, or in the tail.
#define SKIP_QUIET_BLOCKS(bytes, count, i, test)                                                   \
    for (; (i) + 32 <= (count); (i) += 32) {                                                      \
        unsigned char marked = 0;                                                                 \
        for (int j = 0; j < 32; j++) {                                                            \
            unsigned char b = (bytes)[(i) + j];                                                   \
            marked |= (unsigned char)(test);                                                      \
        }                                                                                         \
        if (marked) break;                                                                        \
    }

// A byte that starts a character pages cannot carry, or may (0xC2, 0xEF): the one test, in the
// blocks and after them. Written with `&` and `|`, not `?:`, so that blocks stay vectorised.
static inline int flagged(unsigned char b) {
    return ((b < 0x20) & (b != 0x0A) & (b != 0x09) & (b != 0x0D)) | (b == 0x7F) | (b == 0xC2) | (b == 0xEF);
}

int sopsite_may_hold_unpublishable(const unsigned char *bytes, size_t count) {
    size_t i = 0;
    SKIP_QUIET_BLOCKS(bytes, count, i, flagged(b))
    for (; i < count; i++) {
        if (flagged(bytes[i])) return 1;
    }
    return 0;
}

// The two below find their byte by a table after the blocks (template values and chart texts are
// mostly Thai, with nothing to escape, and most are shorter than a block): a table answers a byte
// in one load where the comparisons took eight, but in the blocks comparisons are vectorised.

// 1: `"` `&` `<` `>`; 2: `'`.
static const unsigned char html_table[256] = {
    ['"'] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, ['\''] = 2,
};

size_t sopsite_first_html_special(const unsigned char *bytes, size_t count, int apostrophe) {
    unsigned char wanted = apostrophe ? 3 : 1;
    size_t i = 0;
    SKIP_QUIET_BLOCKS(bytes, count, i, (b == '"') | (b == '&') | (b == '<') | (b == '>') | ((b == '\'') & (wanted >> 1)))
    for (; i < count; i++) {
        if (html_table[bytes[i]] & wanted) return i;
    }
    return count;
}

static const unsigned char xml_table[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
    [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1,
    [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
    ['"'] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, [0x7F] = 1, [0xC2] = 1, [0xEF] = 1,
};

size_t sopsite_first_xml_look(const unsigned char *bytes, size_t count) {
    size_t i = 0;
    SKIP_QUIET_BLOCKS(bytes, count, i, (b < 0x20) | (b == '"') | (b == '&') | (b == '<') | (b == '>') | (b == 0x7F)
                                           | (b == 0xC2) | (b == 0xEF))
    for (; i < count; i++) {
        if (xml_table[bytes[i]]) return i;
    }
    return count;
}

// 1: a byte a plain line may hold; 2: a Thai letter's first byte.
static const unsigned char plain_table[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
    ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
    [' '] = 1, ['.'] = 1, [','] = 1, ['('] = 1, [')'] = 1, ['/'] = 1, ['%'] = 1, ['-'] = 1,
    [0xE0] = 2,
};

int sopsite_plain_line_bytes(const unsigned char *bytes, size_t count) {
    size_t i = 0;
    while (i < count) {
        unsigned char kind = plain_table[bytes[i]];
        if (kind == 1) {
            // "www." in any case (| 0x20 lowers an ASCII letter) would become a link.
            if ((bytes[i] | 0x20) == 'w' && i + 3 < count && (bytes[i + 1] | 0x20) == 'w' && (bytes[i + 2] | 0x20) == 'w'
                && bytes[i + 3] == '.') {
                return 0;
            }
            i += 1;
        } else if (kind == 2 && i + 2 < count && (bytes[i + 1] == 0xB8 || bytes[i + 1] == 0xB9)) {
            i += 3;
        } else {
            return 0;
        }
    }
    return 1;
}
