// cmark-gfm (0.29, Debian's) keeps the inline parser's special characters in one table for the
// whole process. Each parser with extensions sets its extensions' characters in it when it
// parses inlines, and clears them when done (`cmark_manage_extensions_special_characters`, add
// then remove). Two parsers on two threads race: one clears "~" or ":" while the other parses,
// which loses its strikethrough or its autolinks (github/cmark-gfm pull request 176, open since
// 2019). Every sopsite parser attaches the same extensions, so the characters they set are
// always the same: this function replaces the library's, which calls it through its procedure
// linkage table, and sets them without ever clearing them. The table then holds the same
// characters for every parse, and parsers need not take turns. Package.swift exports the
// symbol from the executables, so that the dynamic linker binds the library's calls here.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

#include "inline_chars.h"

typedef void (*manage_function)(void *parser, int add);

static _Atomic(manage_function) library_function = NULL;

static manage_function library(void) {
    manage_function f = atomic_load_explicit(&library_function, memory_order_acquire);
    if (f == NULL) {
        // The next definition after this one: the library's own.
        f = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        atomic_store_explicit(&library_function, f, memory_order_release);
    }
    return f;
}

__attribute__((visibility("default")))
void cmark_manage_extensions_special_characters(void *parser, int add) {
    manage_function f = library();
    // Setting the same bytes to 1 from two threads at once leaves them 1.
    if (add && f != NULL) f(parser, 1);
}

int sopsite_inline_chars_kept(void) {
    // The definition the dynamic linker binds calls to, and the library's behind it.
    void *bound = dlsym(RTLD_DEFAULT, "cmark_manage_extensions_special_characters");
    return bound == (void *)&cmark_manage_extensions_special_characters && library() != NULL;
}
