#include "thai_search_words.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>

void *sopsite_thai_words_open(void) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "th", NULL, 0, &status);
    if (U_FAILURE(status)) return NULL;
    return iterator;
}

int32_t sopsite_thai_words_boundaries(void *iterator, const uint8_t *text, int32_t length,
                                      int32_t *boundaries, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    // ICU reads the UTF-8 where it is (a UText on the stack), and its boundaries are then
    // offsets in bytes: no copy of the text in UTF-16 and back.
    UText utf8 = UTEXT_INITIALIZER;
    utext_openUTF8(&utf8, (const char *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText((UBreakIterator *)iterator, &utf8, &status);
    if (U_FAILURE(status)) { utext_close(&utf8); return -1; }
    int32_t found = 0;
    for (int32_t at = ubrk_first((UBreakIterator *)iterator); at != UBRK_DONE; at = ubrk_next((UBreakIterator *)iterator)) {
        if (at > 0 && at < length && found < capacity) boundaries[found++] = at;
    }
    // The text is the caller's: the iterator must not keep pointing at it.
    ubrk_setText((UBreakIterator *)iterator, NULL, 0, &status);
    utext_close(&utf8);
    return found;
}
