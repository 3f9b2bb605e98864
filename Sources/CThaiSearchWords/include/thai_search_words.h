// ICU's word boundaries in Thai text (Debian: libicu-dev), the ones a browser's
// Intl.Segmenter finds. Only ThaiWords uses it, for the copies of pages that search indexes.
//
// A C file of its own, with no ICU type in this header: Swift's Foundation carries its own
// ICU (_FoundationICU), and the system's headers seen by Swift beside it clash ("'UErrorCode'
// has different definitions in different modules").
#ifndef THAI_SEARCH_WORDS_H
#define THAI_SEARCH_WORDS_H
#include <stdint.h>

/// A word iterator for Thai, or NULL when ICU cannot make one. Used by one thread at a time.
void *sopsite_thai_words_open(void);

/// The boundaries in `text` (UTF-8, `length` bytes) strictly between its start and its end, as
/// offsets in bytes, in order, written to `boundaries` (room for `capacity`, which `length`
/// always suffices for). Returns how many, or -1 when ICU fails.
int32_t sopsite_thai_words_boundaries(void *iterator, const uint8_t *text, int32_t length,
                                      int32_t *boundaries, int32_t capacity);

#endif
