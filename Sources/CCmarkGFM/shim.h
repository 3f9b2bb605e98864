// The two public headers sopsite uses: the core parser/renderer and the GFM extensions.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
