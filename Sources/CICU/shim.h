// ICU's word boundaries (Debian: libicu-dev), the ones a browser's Intl.Segmenter finds;
// only ThaiWords imports it, for the copies of pages that search indexes. ICU names its C
// functions by version through macros (ubrk_open is ubrk_open_72), which Swift cannot see;
// these inline functions call them by their plain names.
#include <unicode/ubrk.h>

static inline UBreakIterator *sopsite_thai_word_iterator(UErrorCode *status) {
    return ubrk_open(UBRK_WORD, "th", NULL, 0, status);
}
static inline void sopsite_word_iterator_set_text(UBreakIterator *iterator, const UChar *text, int32_t length, UErrorCode *status) {
    ubrk_setText(iterator, text, length, status);
}
static inline int32_t sopsite_word_iterator_first(UBreakIterator *iterator) { return ubrk_first(iterator); }
static inline int32_t sopsite_word_iterator_next(UBreakIterator *iterator) { return ubrk_next(iterator); }
