// libthai's word breaking (Debian: libthai-dev), by dictionary; only ThaiWords imports it.
#include <thai/thbrk.h>
#include <thai/thwbrk.h>
