#include "thread_arena.h"

_Thread_local void *sopsite_thread_arena = 0;
