/* Arena allocation for the frontend: the AST, scope tables and IR of one compilation live in one
 * arena and are freed together, so no phase has to track ownership of individual nodes. */
#ifndef CELLAR_ARENA_H
#define CELLAR_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Zero-filled, 16-byte aligned memory that lives until arena_free. Aborts only on OOM. */
void *arena_alloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
