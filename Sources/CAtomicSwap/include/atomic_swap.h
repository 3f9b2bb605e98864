#ifndef SOPSITE_ATOMIC_SWAP_H
#define SOPSITE_ATOMIC_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so a reader never
/// finds the output folder missing. Returns 0 on success, -1 (errno set) where unsupported.
int sopsite_exchange_paths(const char *a, const char *b);

/// Moves `from` to `to` unless `to` exists (renameat2 with RENAME_NOREPLACE): a hidden entry of
/// the old portal never replaces one of the new. Returns 0, or -1 with errno set (EEXIST).
int sopsite_move_no_replace(const char *from, const char *to);

#endif
