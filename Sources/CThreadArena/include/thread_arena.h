#ifndef SOPSITE_THREAD_ARENA_H
#define SOPSITE_THREAD_ARENA_H

/// This thread's Markdown arena (MarkdownBridge's `MarkdownArena`), NULL until the thread makes
/// one. cmark-gfm's allocator calls take no context, so the arena is found per thread; a C
/// thread-local is one load, where Swift's only way (a pthread key behind a lazily made global)
/// cost a check of the global and a call for every node cmark-gfm allocates.
extern _Thread_local void *sopsite_thread_arena;

static inline void *sopsite_thread_arena_get(void) { return sopsite_thread_arena; }
static inline void sopsite_thread_arena_set(void *arena) { sopsite_thread_arena = arena; }

#endif
