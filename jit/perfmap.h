/* A debug switch for profiling JIT'd code: with CELLAR_PERF_MAP set, the jit writes
 * /tmp/perf-PID.map when it is freed, naming each compiled function for `perf report`. Sizes
 * are not known to ORC's C API, so each runs to the next function's address (at most 64 KiB). */
#ifndef CELLAR_JIT_PERFMAP_H
#define CELLAR_JIT_PERFMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct jit_perf_map {
    bool enabled;
    struct jit_perf_symbol *symbols;
    size_t count, capacity;
} jit_perf_map;

void jit_perf_map_init(jit_perf_map *m);
void jit_perf_map_add(jit_perf_map *m, uintptr_t address, const char *name);
/* Writes the map (when enabled) and frees it. */
void jit_perf_map_finish(jit_perf_map *m);

#endif
