/* The perf map debug switch (perfmap.h). */
#include "perfmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct jit_perf_symbol {
    uintptr_t address;
    char *name;
} jit_perf_symbol;

enum { MAX_SIZE = 64 * 1024 };

void jit_perf_map_init(jit_perf_map *m)
{
    *m = (jit_perf_map){.enabled = getenv("CELLAR_PERF_MAP") != NULL};
}

void jit_perf_map_add(jit_perf_map *m, uintptr_t address, const char *name)
{
    if (!m->enabled)
        return;
    if (m->count == m->capacity) {
        size_t capacity = m->capacity ? 2 * m->capacity : 64;
        jit_perf_symbol *grown = realloc(m->symbols, capacity * sizeof *grown);
        if (!grown)
            return;
        m->symbols = grown;
        m->capacity = capacity;
    }
    m->symbols[m->count++] = (jit_perf_symbol){address, strdup(name)};
}

static int by_address(const void *a, const void *b)
{
    uintptr_t x = ((const jit_perf_symbol *)a)->address, y = ((const jit_perf_symbol *)b)->address;
    return x < y ? -1 : x > y;
}

void jit_perf_map_finish(jit_perf_map *m)
{
    if (m->enabled && m->count > 0) {
        qsort(m->symbols, m->count, sizeof *m->symbols, by_address);
        char path[64];
        snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
        FILE *f = fopen(path, "a");
        for (size_t i = 0; f && i < m->count; i++) {
            uintptr_t size =
                i + 1 < m->count ? m->symbols[i + 1].address - m->symbols[i].address : MAX_SIZE;
            fprintf(f, "%lx %lx %s\n", (unsigned long)m->symbols[i].address,
                    (unsigned long)(size < MAX_SIZE ? size : MAX_SIZE), m->symbols[i].name);
        }
        if (f)
            fclose(f);
    }
    for (size_t i = 0; i < m->count; i++)
        free(m->symbols[i].name);
    free(m->symbols);
    *m = (jit_perf_map){0};
}
