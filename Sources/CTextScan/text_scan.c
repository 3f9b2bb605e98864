#include "text_scan.h"

// Every byte of every content file passes here. Written in blocks of 32 with no early exit
// inside a block, so that the compiler checks each block with vector instructions; Swift's
// SIMD types were compiled byte by byte through the stack.

static int flagged(unsigned char b) {
    return b < 0x20 ? (b != 0x0A && b != 0x09 && b != 0x0D) : (b == 0x7F || b == 0xC2 || b == 0xEF);
}

int sopsite_may_hold_unpublishable(const unsigned char *bytes, size_t count) {
    size_t i = 0;
    for (; i + 32 <= count; i += 32) {
        unsigned char marked = 0;
        for (int j = 0; j < 32; j++) {
            unsigned char b = bytes[i + j];
            marked |= (unsigned char)(((b < 0x20) & (b != 0x0A) & (b != 0x09) & (b != 0x0D))
                                      | (b == 0x7F) | (b == 0xC2) | (b == 0xEF));
        }
        if (marked) return 1;
    }
    for (; i < count; i++) {
        if (flagged(bytes[i])) return 1;
    }
    return 0;
}
