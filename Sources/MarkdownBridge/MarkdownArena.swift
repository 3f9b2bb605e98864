import CCmarkGFM
import CThreadArena
import Foundation

/// cmark-gfm's memory while it reads and renders one document: blocks handed out from a slab
/// in turn and given back all at once when the document is done. cmark-gfm allocates every
/// node and buffer on its own, and in a program with threads each of glibc's allocations takes
/// a lock: a sixth of reading 10,000 case reports went to them. cmark-gfm ships an arena of
/// this kind (`cmark_get_arena_mem_allocator`), but one for the whole process; this one is per
/// thread, as reports are read on every core. Used through `Markdown.arenaMemory` only; a
/// struct behind a pointer, so that cmark-gfm's thousands of calls per document count no
/// references.
struct MarkdownArena {
    private static let slabSize = 512 * 1024
    /// Each block starts with its size, so that a block can be grown (`realloc`).
    private static let header = 16

    private let slab: UnsafeMutableRawPointer
    private var used = 0
    /// The last block handed out: it grows in place while nothing came after it.
    private var last: UnsafeMutableRawPointer?
    /// Blocks that do not fit in the slab, freed with the rest.
    private var large: [UnsafeMutableRawPointer] = []

    private init() {
        slab = UnsafeMutableRawPointer.allocate(byteCount: MarkdownArena.slabSize, alignment: 16)
    }

    mutating func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let total = MarkdownArena.header + (size + 15) & ~15
        let block: UnsafeMutableRawPointer
        if used + total <= MarkdownArena.slabSize {
            block = slab + used
            used += total
        } else {
            guard let big = malloc(total) else { return nil }
            large.append(big)
            block = big
        }
        block.storeBytes(of: size, as: Int.self)
        let memory = block + MarkdownArena.header
        if zeroed { memset(memory, 0, size) }
        last = memory
        return memory
    }

    mutating func reallocate(_ memory: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let memory else { return allocate(size, zeroed: false) }
        let block = memory - MarkdownArena.header
        let old = block.load(as: Int.self)
        // The last block of the slab grows where it is: a buffer being written to, usually.
        if memory == last, block >= slab, block < slab + MarkdownArena.slabSize {
            let end = memory - slab + (size + 15) & ~15
            if end <= MarkdownArena.slabSize {
                used = end
                block.storeBytes(of: size, as: Int.self)
                return memory
            }
        }
        guard let moved = allocate(size, zeroed: false) else { return nil }
        moved.copyMemory(from: memory, byteCount: min(old, size))
        return moved
    }

    /// Gives back every block: the document's nodes and buffers are gone.
    mutating func reset() {
        used = 0
        last = nil
        for block in large { free(block) }
        large = []
    }

    /// This thread's arena: found in a C thread-local (one load for each of cmark-gfm's
    /// allocations), and registered under a pthread key too, whose destructor frees it with its
    /// thread (`serve` outlives many of Dispatch's threads).
    @inline(__always)
    static var current: UnsafeMutablePointer<MarkdownArena> {
        if let known = sopsite_thread_arena_get() { return known.assumingMemoryBound(to: MarkdownArena.self) }
        return made()
    }

    private static func made() -> UnsafeMutablePointer<MarkdownArena> {
        let arena = UnsafeMutablePointer<MarkdownArena>.allocate(capacity: 1)
        arena.initialize(to: MarkdownArena())
        pthread_setspecific(key, arena)
        sopsite_thread_arena_set(arena)
        return arena
    }

    /// Frees each thread's arena with its thread.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { memory in
            guard let arena = memory?.assumingMemoryBound(to: MarkdownArena.self) else { return }
            sopsite_thread_arena_set(nil)
            arena.pointee.reset()
            arena.pointee.slab.deallocate()
            arena.deinitialize(count: 1)
            arena.deallocate()
        }
        return key
    }()
}

extension Markdown {
    /// The allocator cmark-gfm is given: this thread's arena.
    nonisolated(unsafe) static let arenaMemory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in MarkdownArena.current.pointee.allocate(count * size, zeroed: true) },
            realloc: { memory, size in MarkdownArena.current.pointee.reallocate(memory, size) },
            free: { _ in }))  // all at once, in `reset`
        return memory
    }()
}
