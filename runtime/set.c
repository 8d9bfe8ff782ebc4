/* set and frozenset: CPython 3.11's setobject. One open-addressing table probed linearly
 * (LINEAR_PROBES slots) and then with CPython's perturbation, the same fill/used accounting
 * and resize rules, so iteration order and pop() match CPython. */
#include <string.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "iter.h"
#include "ops.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

enum { MINSIZE = 8, LINEAR_PROBES = 9, PERTURB_SHIFT = 5 };

/* A deleted slot. Word 2 (RT_ITER_DONE) is never a Python value. */
#define DUMMY ((rt_value)RT_ITER_DONE)

typedef struct set_entry {
    rt_value key; /* 0: never used; DUMMY: deleted */
    int64_t hash;
} set_entry;

typedef struct rt_set {
    rt_object base;
    int64_t fill;   /* active + dummy slots */
    int64_t used;   /* active slots */
    int64_t mask;   /* table size - 1 */
    int64_t finger; /* where pop() looks next */
    int64_t hash;   /* frozenset: cached hash or -1 */
    set_entry *table;
} rt_set;

static rt_set *as_set(rt_value v) { return (rt_set *)rt_as_object(v); }

static bool is_anyset(rt_value v)
{
    return rt_is_type(v, &rt_set_type) || rt_is_type(v, &rt_frozenset_type);
}

static rt_value set_alloc(const rt_type *type)
{
    rt_set *s = rt_alloc(sizeof *s, type);
    s->mask = MINSIZE - 1;
    s->hash = -1;
    s->table = rt_alloc_raw(MINSIZE * sizeof(set_entry));
    return rt_from_object(s);
}

rt_value rt_set_new(void) { return set_alloc(&rt_set_type); }

/* ---- the table ---- */

/* set_insert_clean: a key known to be absent, into a table without dummies. */
static void insert_clean(set_entry *table, uint64_t mask, rt_value key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    set_entry *e;
    for (;;) {
        e = &table[i];
        if (e->key == 0)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == 0)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    e->key = key;
    e->hash = hash;
}

/* set_table_resize: the smallest power of two above minused, dummies dropped. */
static void table_resize(rt_set *s, int64_t minused)
{
    int64_t size = MINSIZE;
    while (size <= minused)
        size <<= 1;
    /* A small table without dummies stays as it is: rebuilding could move items. */
    if (size == MINSIZE && s->mask == MINSIZE - 1 && s->fill == s->used)
        return;
    set_entry *old = s->table;
    int64_t old_mask = s->mask;
    set_entry *table = rt_alloc_raw((size_t)size * sizeof(set_entry));
    s->mask = size - 1;
    s->table = table;
    s->fill = s->used;
    for (int64_t i = 0; i <= old_mask; i++)
        if (old[i].key != 0 && old[i].key != DUMMY)
            insert_clean(table, (uint64_t)s->mask, old[i].key, old[i].hash);
}

/* set_lookkey: the slot holding key, NULL when absent; *error on a failed comparison. A
 * comparison that mutates the set restarts the search. */
static set_entry *lookkey(rt_vm *vm, rt_set *s, rt_value key, int64_t hash, bool *error)
{
    *error = false;
restart:;
    uint64_t mask = (uint64_t)s->mask;
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        set_entry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == 0)
                return NULL;
            if (e->hash == hash && e->key != DUMMY) {
                rt_value start = e->key;
                if (start == key)
                    return e;
                set_entry *table = s->table;
                int eq = rt_equal(vm, start, key);
                if (eq < 0) {
                    *error = true;
                    return NULL;
                }
                if (table != s->table || e->key != start)
                    goto restart;
                if (eq)
                    return e;
                mask = (uint64_t)s->mask;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_add_entry, including its reuse of the first dummy slot on the probe path. */
static int add_entry(rt_vm *vm, rt_set *s, rt_value key, int64_t hash)
{
restart:;
    uint64_t mask = (uint64_t)s->mask;
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    set_entry *freeslot = NULL, *e;
    for (;;) {
        e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == 0)
                goto found_unused_or_dummy;
            if (e->hash == hash && e->key != DUMMY) {
                rt_value start = e->key;
                if (start == key)
                    return 0;
                set_entry *table = s->table;
                int eq = rt_equal(vm, start, key);
                if (eq < 0)
                    return -1;
                if (eq > 0)
                    return 0;
                if (table != s->table || e->key != start)
                    goto restart;
                mask = (uint64_t)s->mask;
            } else if (e->hash == -1) {
                freeslot = e; /* the last dummy on the path, as CPython's */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        s->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    s->fill++;
    s->used++;
    e->key = key;
    e->hash = hash;
    if ((uint64_t)s->fill * 5 < mask * 3)
        return 0;
    table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
    return 0;
}

/* 1 removed, 0 absent, -1 error. */
static int discard_entry(rt_vm *vm, rt_set *s, rt_value key, int64_t hash)
{
    bool error;
    set_entry *e = lookkey(vm, s, key, hash, &error);
    if (error)
        return -1;
    if (e == NULL)
        return 0;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    return 1;
}

static int contains_entry(rt_vm *vm, rt_set *s, rt_value key, int64_t hash)
{
    bool error;
    set_entry *e = lookkey(vm, s, key, hash, &error);
    return error ? -1 : e != NULL;
}

static void clear_table(rt_set *s)
{
    s->table = rt_alloc_raw(MINSIZE * sizeof(set_entry));
    s->mask = MINSIZE - 1;
    s->fill = s->used = 0;
    s->hash = -1;
}

/* set_next: the next active slot at or after *pos. */
static bool set_next(rt_set *s, int64_t *pos, set_entry **out)
{
    while (*pos <= s->mask) {
        set_entry *e = &s->table[(*pos)++];
        if (e->key != 0 && e->key != DUMMY) {
            *out = e;
            return true;
        }
    }
    return false;
}

/* ---- keyed operations ---- */

static int add_key(rt_vm *vm, rt_set *s, rt_value key)
{
    int64_t hash;
    if (!rt_hash(vm, key, &hash))
        return -1;
    return add_entry(vm, s, key, hash);
}

/* A set used as a key stands for the frozenset with its items ({1} in {frozenset({1})}). */
static bool retry_as_frozenset(rt_vm *vm, rt_value key, rt_value *frozen)
{
    if (!rt_is_type(key, &rt_set_type) || !rt_pending_is(vm, &rt_type_error_type))
        return false;
    vm->pending = 0;
    *frozen = set_alloc(&rt_frozenset_type);
    return rt_set_update(vm, *frozen, key) == 0;
}

static int contains_key(rt_vm *vm, rt_set *s, rt_value key)
{
    int64_t hash;
    if (rt_hash(vm, key, &hash))
        return contains_entry(vm, s, key, hash);
    rt_value frozen;
    if (!retry_as_frozenset(vm, key, &frozen))
        return -1;
    return contains_key(vm, s, frozen);
}

static int discard_key(rt_vm *vm, rt_set *s, rt_value key)
{
    int64_t hash;
    if (rt_hash(vm, key, &hash))
        return discard_entry(vm, s, key, hash);
    rt_value frozen;
    if (!retry_as_frozenset(vm, key, &frozen))
        return -1;
    return discard_key(vm, s, frozen);
}

/* set_merge: one resize up front, then a straight copy when this set is empty. */
static int merge(rt_vm *vm, rt_set *s, rt_set *o)
{
    if (o == s || o->used == 0)
        return 0;
    if ((s->fill + o->used) * 5 >= s->mask * 3)
        table_resize(s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        memcpy(s->table, o->table, (size_t)(o->mask + 1) * sizeof(set_entry));
        s->fill = o->fill;
        s->used = o->used;
        return 0;
    }
    if (s->fill == 0) {
        s->fill = s->used = o->used;
        for (int64_t i = 0; i <= o->mask; i++)
            if (o->table[i].key != 0 && o->table[i].key != DUMMY)
                insert_clean(s->table, (uint64_t)s->mask, o->table[i].key, o->table[i].hash);
        return 0;
    }
    for (int64_t i = 0; i <= o->mask; i++) {
        set_entry e = o->table[i];
        if (e.key != 0 && e.key != DUMMY && add_entry(vm, s, e.key, e.hash) < 0)
            return -1;
    }
    return 0;
}

static int update_from_dict(rt_vm *vm, rt_set *s, rt_value dict)
{
    int64_t n = rt_dict_size(dict);
    if ((s->fill + n) * 5 >= s->mask * 3)
        table_resize(s, (s->used + n) * 2);
    int64_t pos = 0, hash;
    rt_value key, value;
    while (rt_dict_next_hashed(dict, &pos, &key, &value, &hash))
        if (add_entry(vm, s, key, hash) < 0)
            return -1;
    return 0;
}

/* set_update_internal. */
int rt_set_update(rt_vm *vm, rt_value set, rt_value iterable)
{
    rt_set *s = as_set(set);
    if (is_anyset(iterable))
        return merge(vm, s, as_set(iterable));
    if (rt_is_type(iterable, &rt_dict_type))
        return update_from_dict(vm, s, iterable);
    rt_value it = rt_get_iter(vm, iterable);
    if (it == RT_ERROR)
        return -1;
    for (;;) {
        rt_value key = rt_iter_next(vm, it);
        if (key == RT_ERROR)
            return -1;
        if (key == RT_ITER_DONE)
            return 0;
        if (add_key(vm, s, key) < 0)
            return -1;
    }
}

/* make_new_set: a set or frozenset holding iterable's items (iterable may be 0). */
static rt_value make_new_set(rt_vm *vm, const rt_type *type, rt_value iterable)
{
    rt_value r = set_alloc(type);
    if (iterable != 0 && rt_set_update(vm, r, iterable) < 0)
        return RT_ERROR;
    return r;
}

static rt_value set_copy(rt_vm *vm, rt_value set)
{
    return make_new_set(vm, rt_type_of(set), set);
}

rt_value rt_set_from_array(rt_vm *vm, size_t n, const rt_value *items)
{
    rt_value r = rt_set_new();
    for (size_t i = 0; i < n; i++)
        if (add_key(vm, as_set(r), items[i]) < 0)
            return RT_ERROR;
    return r;
}

/* A frozenset constant as CPython's compiler leaves it: built from the display's items, then
 * rebuilt from its own iteration order by the constant merging (merge_consts_recursive), a
 * second pass that can reorder colliding keys. */
rt_value rt_frozenset_from_constants(rt_vm *vm, size_t n, const rt_value *items)
{
    rt_value first = set_alloc(&rt_frozenset_type);
    for (size_t i = 0; i < n; i++)
        if (add_key(vm, as_set(first), items[i]) < 0)
            return RT_ERROR;
    rt_value frozen = set_alloc(&rt_frozenset_type);
    int64_t pos = 0;
    set_entry *e;
    while (set_next(as_set(first), &pos, &e))
        if (add_entry(vm, as_set(frozen), e->key, e->hash) < 0)
            return RT_ERROR;
    return frozen;
}

/* CPython compiles a display of more than two constants as BUILD_SET 0 + SET_UPDATE of that
 * frozenset constant; the merge sizes the table for twice the items, which shows in the
 * iteration order too ({'é', 'ü', 'a', '日本'} shows as {'日本', 'a', 'ü', 'é'}). */
rt_value rt_set_from_constants(rt_vm *vm, size_t n, const rt_value *items)
{
    rt_value frozen = rt_frozenset_from_constants(vm, n, items);
    if (frozen == 0)
        return RT_ERROR;
    rt_value r = rt_set_new();
    return merge(vm, as_set(r), as_set(frozen)) < 0 ? RT_ERROR : r;
}

int rt_set_add(rt_vm *vm, rt_value set, rt_value item) { return add_key(vm, as_set(set), item); }

int rt_set_contains(rt_vm *vm, rt_value set, rt_value item)
{
    return contains_key(vm, as_set(set), item);
}

int64_t rt_set_size(rt_value set) { return as_set(set)->used; }

bool rt_set_next(rt_value set, int64_t *pos, rt_value *item)
{
    set_entry *e;
    if (!set_next(as_set(set), pos, &e))
        return false;
    *item = e->key;
    return true;
}

/* ---- the algebra ---- */

/* set_intersection: the result has so's type; iterates the smaller set. */
rt_value rt_set_intersection(rt_vm *vm, rt_value so, rt_value other)
{
    if (so == other)
        return set_copy(vm, so);
    rt_value result = set_alloc(rt_type_of(so));
    rt_set *s = as_set(so), *r = as_set(result);
    if (is_anyset(other)) {
        rt_set *o = as_set(other);
        if (o->used > s->used) {
            rt_set *t = s;
            s = o;
            o = t;
        }
        int64_t pos = 0;
        set_entry *e;
        while (set_next(o, &pos, &e)) {
            rt_value key = e->key;
            int64_t hash = e->hash;
            int c = contains_entry(vm, s, key, hash);
            if (c < 0 || (c > 0 && add_entry(vm, r, key, hash) < 0))
                return RT_ERROR;
        }
        return result;
    }
    rt_value it = rt_get_iter(vm, other);
    if (it == RT_ERROR)
        return RT_ERROR;
    for (;;) {
        rt_value key = rt_iter_next(vm, it);
        if (key == RT_ERROR)
            return RT_ERROR;
        if (key == RT_ITER_DONE)
            return result;
        int64_t hash;
        if (!rt_hash(vm, key, &hash))
            return RT_ERROR;
        int c = contains_entry(vm, s, key, hash);
        if (c < 0 || (c > 0 && add_entry(vm, r, key, hash) < 0))
            return RT_ERROR;
    }
}

/* set_difference_update_internal, then resize away a table more than a quarter dummies. */
int rt_set_difference_update(rt_vm *vm, rt_value set, rt_value other)
{
    rt_set *s = as_set(set);
    if (set == other) {
        clear_table(s);
        return 0;
    }
    if (is_anyset(other)) {
        int64_t pos = 0;
        set_entry *e;
        while (set_next(as_set(other), &pos, &e))
            if (discard_entry(vm, s, e->key, e->hash) < 0)
                return -1;
    } else {
        rt_value it = rt_get_iter(vm, other);
        if (it == RT_ERROR)
            return -1;
        for (;;) {
            rt_value key = rt_iter_next(vm, it);
            if (key == RT_ERROR)
                return -1;
            if (key == RT_ITER_DONE)
                break;
            if (discard_key(vm, s, key) < 0)
                return -1;
        }
    }
    if (s->fill - s->used <= s->mask / 4)
        return 0;
    table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
    return 0;
}

/* set_difference: copy-and-discard when `other` is small or not a set/dict, else a filtered
 * walk over so. */
static rt_value set_difference(rt_vm *vm, rt_value so, rt_value other)
{
    int64_t other_size;
    bool dict = rt_is_type(other, &rt_dict_type);
    if (is_anyset(other))
        other_size = as_set(other)->used;
    else if (dict)
        other_size = rt_dict_size(other);
    else
        other_size = -1;
    if (other_size < 0 || (as_set(so)->used >> 2) > other_size) {
        rt_value r = set_copy(vm, so);
        if (r == RT_ERROR || rt_set_difference_update(vm, r, other) < 0)
            return RT_ERROR;
        return r;
    }
    rt_value result = set_alloc(rt_type_of(so));
    int64_t pos = 0;
    set_entry *e;
    while (set_next(as_set(so), &pos, &e)) {
        rt_value key = e->key;
        int64_t hash = e->hash;
        int c;
        if (dict) {
            bool error;
            c = rt_dict_get_hashed(vm, other, key, hash, &error) != 0;
            if (error)
                return RT_ERROR;
        } else {
            c = contains_entry(vm, as_set(other), key, hash);
            if (c < 0)
                return RT_ERROR;
        }
        if (!c && add_entry(vm, as_set(result), key, hash) < 0)
            return RT_ERROR;
    }
    return result;
}

static int toggle(rt_vm *vm, rt_set *s, rt_value key, int64_t hash)
{
    int r = discard_entry(vm, s, key, hash);
    if (r < 0)
        return -1;
    return r == 0 ? add_entry(vm, s, key, hash) : 0;
}

int rt_set_symmetric_difference_update(rt_vm *vm, rt_value set, rt_value other)
{
    rt_set *s = as_set(set);
    if (set == other) {
        clear_table(s);
        return 0;
    }
    if (rt_is_type(other, &rt_dict_type)) {
        int64_t pos = 0, hash;
        rt_value key, value;
        while (rt_dict_next_hashed(other, &pos, &key, &value, &hash))
            if (toggle(vm, s, key, hash) < 0)
                return -1;
        return 0;
    }
    rt_value o = is_anyset(other) ? other : make_new_set(vm, rt_type_of(set), other);
    if (o == RT_ERROR)
        return -1;
    int64_t pos = 0;
    set_entry *e;
    while (set_next(as_set(o), &pos, &e))
        if (toggle(vm, s, e->key, e->hash) < 0)
            return -1;
    return 0;
}

static rt_value set_symmetric_difference(rt_vm *vm, rt_value so, rt_value other)
{
    rt_value r = make_new_set(vm, rt_type_of(so), other);
    if (r == RT_ERROR || rt_set_symmetric_difference_update(vm, r, so) < 0)
        return RT_ERROR;
    return r;
}

/* 1 / 0 / -1: every item of so is in other. */
static int is_subset(rt_vm *vm, rt_value so, rt_value other)
{
    if (!is_anyset(other)) {
        rt_value tmp = make_new_set(vm, &rt_set_type, other);
        return tmp == RT_ERROR ? -1 : is_subset(vm, so, tmp);
    }
    if (as_set(so)->used > as_set(other)->used)
        return 0;
    int64_t pos = 0;
    set_entry *e;
    while (set_next(as_set(so), &pos, &e)) {
        int c = contains_entry(vm, as_set(other), e->key, e->hash);
        if (c <= 0)
            return c;
    }
    return 1;
}

static int is_superset(rt_vm *vm, rt_value so, rt_value other)
{
    if (is_anyset(other))
        return is_subset(vm, other, so);
    rt_value it = rt_get_iter(vm, other);
    if (it == RT_ERROR)
        return -1;
    for (;;) {
        rt_value key = rt_iter_next(vm, it);
        if (key == RT_ERROR)
            return -1;
        if (key == RT_ITER_DONE)
            return 1;
        int c = contains_key(vm, as_set(so), key);
        if (c <= 0)
            return c;
    }
}

static int is_disjoint(rt_vm *vm, rt_value so, rt_value other)
{
    if (so == other)
        return as_set(so)->used == 0;
    if (is_anyset(other)) {
        rt_set *s = as_set(so), *o = as_set(other);
        if (o->used > s->used) {
            rt_set *t = s;
            s = o;
            o = t;
        }
        int64_t pos = 0;
        set_entry *e;
        while (set_next(o, &pos, &e)) {
            int c = contains_entry(vm, s, e->key, e->hash);
            if (c != 0)
                return c < 0 ? -1 : 0;
        }
        return 1;
    }
    rt_value it = rt_get_iter(vm, other);
    if (it == RT_ERROR)
        return -1;
    for (;;) {
        rt_value key = rt_iter_next(vm, it);
        if (key == RT_ERROR)
            return -1;
        if (key == RT_ITER_DONE)
            return 1;
        int c = contains_key(vm, as_set(so), key);
        if (c != 0)
            return c < 0 ? -1 : 0;
    }
}

/* set_swap_bodies, one way: `s` takes r's table; its pop() finger stays its own. */
static void take_body(rt_set *s, const rt_set *r)
{
    s->fill = r->fill;
    s->used = r->used;
    s->mask = r->mask;
    s->table = r->table;
    s->hash = -1;
}

/* ---- slots ---- */

static rt_value set_repr(rt_vm *vm, rt_value self)
{
    bool frozen = rt_is_type(self, &rt_frozenset_type);
    const char *name = rt_type_of(self)->name;
    if (as_set(self)->used == 0)
        return rt_str_printf(vm, "%s()", name);
    int entered = rt_repr_enter(vm, self);
    if (entered != 0)
        return entered > 0 ? rt_str_printf(vm, "%s(...)", name) : RT_ERROR;
    rt_strbuf b;
    rt_strbuf_init(&b);
    if (frozen) {
        rt_strbuf_append_cstr(&b, name);
        rt_strbuf_append_char(&b, '(');
    }
    rt_strbuf_append_char(&b, '{');
    int64_t pos = 0;
    set_entry *e;
    bool ok = true, first = true;
    while (ok && set_next(as_set(self), &pos, &e)) {
        if (!first)
            rt_strbuf_append(&b, ", ", 2);
        first = false;
        ok = rt_strbuf_append_repr_of(vm, &b, e->key);
    }
    rt_repr_leave(vm, self);
    if (!ok)
        return RT_ERROR;
    rt_strbuf_append_cstr(&b, frozen ? "})" : "}");
    return rt_strbuf_finish(&b);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

/* frozenset_hash: order-independent xor of the shuffled entry hashes, empty and dummy slots
 * included and then cancelled, as CPython computes it. */
static bool frozenset_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    rt_set *s = as_set(self);
    if (s->hash != -1) {
        *out = s->hash;
        return true;
    }
    uint64_t hash = 0;
    for (int64_t i = 0; i <= s->mask; i++)
        hash ^= shuffle_bits((uint64_t)s->table[i].hash);
    if ((s->mask + 1 - s->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((s->fill - s->used) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)s->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    s->hash = (int64_t)hash;
    *out = s->hash;
    return true;
}

static rt_value set_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!is_anyset(self) || !is_anyset(other))
        return RT_NOT_IMPLEMENTED;
    rt_set *a = as_set(self), *b = as_set(other);
    int r;
    switch (op) {
    case RT_EQ:
    case RT_NE:
        if (a->used != b->used || (a->hash != -1 && b->hash != -1 && a->hash != b->hash))
            r = 0;
        else
            r = is_subset(vm, self, other);
        if (r >= 0 && op == RT_NE)
            r = !r;
        break;
    case RT_LE: r = is_subset(vm, self, other); break;
    case RT_GE: r = is_superset(vm, self, other); break;
    case RT_LT: r = a->used < b->used ? is_subset(vm, self, other) : 0; break;
    default: r = a->used > b->used ? is_superset(vm, self, other) : 0; break;
    }
    return r < 0 ? RT_ERROR : rt_bool(r);
}

/* | & - ^ between sets; the in-place forms mutate a set (never a frozenset). */
static rt_value set_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    bool inplace = (op & RT_INPLACE) != 0;
    op &= ~RT_INPLACE;
    if (!is_anyset(a) || !is_anyset(b))
        return RT_NOT_IMPLEMENTED;
    if (inplace && !rt_is_type(a, &rt_set_type))
        return RT_NOT_IMPLEMENTED;
    rt_value r;
    int rc = 0;
    switch (op) {
    case RT_OR:
        if (inplace)
            return rt_set_update(vm, a, b) < 0 ? RT_ERROR : a;
        r = set_copy(vm, a);
        if (r == RT_ERROR || a == b) /* s | s is a copy, not a merge into the copy */
            return r;
        return rt_set_update(vm, r, b) < 0 ? RT_ERROR : r;
    case RT_AND:
        r = rt_set_intersection(vm, a, b);
        if (r == RT_ERROR || !inplace)
            return r;
        take_body(as_set(a), as_set(r));
        return a;
    case RT_SUB:
        if (inplace)
            rc = rt_set_difference_update(vm, a, b);
        else
            return set_difference(vm, a, b);
        return rc < 0 ? RT_ERROR : a;
    case RT_XOR:
        if (inplace)
            return rt_set_symmetric_difference_update(vm, a, b) < 0 ? RT_ERROR : a;
        return set_symmetric_difference(vm, a, b);
    default: return RT_NOT_IMPLEMENTED;
    }
}

static int set_truth(rt_vm *vm, rt_value self) { return as_set(self)->used != 0; }

static int64_t set_length(rt_vm *vm, rt_value self) { return as_set(self)->used; }

static int set_contains_slot(rt_vm *vm, rt_value self, rt_value item)
{
    return contains_key(vm, as_set(self), item);
}

/* ---- the iterator ---- */

typedef struct set_iter {
    rt_object base;
    rt_value set; /* 0 once exhausted */
    int64_t used; /* the set's size when iteration began; -1 after a size-change error */
    int64_t pos;
    int64_t len;
} set_iter;

static rt_value set_iter_new(rt_vm *vm, rt_value self)
{
    set_iter *it = rt_alloc(sizeof *it, &rt_set_iterator_type);
    it->set = self;
    it->used = it->len = as_set(self)->used;
    return rt_from_object(it);
}

static rt_value set_iter_next(rt_vm *vm, rt_value self)
{
    set_iter *it = (set_iter *)rt_as_object(self);
    if (it->set == 0)
        return RT_ITER_DONE;
    rt_set *s = as_set(it->set);
    if (it->used != s->used) {
        it->used = -1;
        return rt_raise_msg(vm, &rt_runtime_error_type, "Set changed size during iteration");
    }
    set_entry *e;
    if (!set_next(s, &it->pos, &e)) {
        it->set = 0;
        return RT_ITER_DONE;
    }
    it->len--;
    return e->key;
}

static rt_value set_iter_iter(rt_vm *vm, rt_value self) { return self; }

static rt_value set_iter_length_hint(rt_vm *vm, rt_value self, size_t nargs,
                                     const rt_value *args, rt_value kwnames)
{
    set_iter *it = (set_iter *)rt_as_object(self);
    bool live = it->set != 0 && it->used == as_set(it->set)->used;
    return rt_small_int(live ? it->len : 0);
}

static const rt_method set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, NULL},
    {NULL, NULL, NULL},
};

const rt_type rt_set_iterator_type = {
    .base = {&rt_type_type},
    .name = "set_iterator",
    .base_type = &rt_object_type,
    .iter = set_iter_iter,
    .next = set_iter_next,
    .methods = set_iter_methods,
};

/* ---- construction ---- */

static rt_value set_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                              const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "set", nargs, kwnames, 0, 1))
        return RT_ERROR;
    return make_new_set(vm, type, nargs == 1 ? args[0] : 0);
}

static rt_value frozenset_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                    const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "frozenset", nargs, kwnames, 0, 1))
        return RT_ERROR;
    if (nargs == 1 && rt_is_type(args[0], &rt_frozenset_type))
        return args[0];
    return make_new_set(vm, type, nargs == 1 ? args[0] : 0);
}

/* ---- methods ---- */

/* The "set.add" / "frozenset.copy" names CPython's argument errors use. */
static const char *qualified(rt_value self, const char *set_name, const char *frozen_name)
{
    return rt_is_type(self, &rt_frozenset_type) ? frozen_name : set_name;
}

static rt_value m_add(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                      rt_value kwnames)
{
    if (!rt_check_args(vm, "set.add", nargs, kwnames, 1, 1) || rt_set_add(vm, self, args[0]) < 0)
        return RT_ERROR;
    return RT_NONE;
}

static rt_value m_clear(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    if (!rt_check_args(vm, "set.clear", nargs, kwnames, 0, 0))
        return RT_ERROR;
    clear_table(as_set(self));
    return RT_NONE;
}

static rt_value m_contains(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    if (!rt_check_args(vm, qualified(self, "set.__contains__", "frozenset.__contains__"), nargs,
                       kwnames, 1, 1))
        return RT_ERROR;
    int r = contains_key(vm, as_set(self), args[0]);
    return r < 0 ? RT_ERROR : rt_bool(r);
}

static rt_value m_copy(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    if (!rt_check_args(vm, qualified(self, "set.copy", "frozenset.copy"), nargs, kwnames, 0, 0))
        return RT_ERROR;
    if (rt_is_type(self, &rt_frozenset_type))
        return self;
    return set_copy(vm, self);
}

static rt_value m_discard(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "set.discard", nargs, kwnames, 1, 1) ||
        discard_key(vm, as_set(self), args[0]) < 0)
        return RT_ERROR;
    return RT_NONE;
}

static rt_value m_remove(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    if (!rt_check_args(vm, "set.remove", nargs, kwnames, 1, 1))
        return RT_ERROR;
    int r = discard_key(vm, as_set(self), args[0]);
    if (r < 0)
        return RT_ERROR;
    if (r == 0)
        return rt_raise_value(vm,
                              rt_new_exception(vm, &rt_key_error_type, rt_tuple_pack(1, args[0])));
    return RT_NONE;
}

/* set_pop: the first active slot from the finger on, wrapping around. */
static rt_value m_pop(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                      rt_value kwnames)
{
    if (!rt_check_args(vm, "set.pop", nargs, kwnames, 0, 0))
        return RT_ERROR;
    rt_set *s = as_set(self);
    if (s->used == 0)
        return rt_raise_msg(vm, &rt_key_error_type, "pop from an empty set");
    int64_t i = s->finger & s->mask;
    while (s->table[i].key == 0 || s->table[i].key == DUMMY)
        i = i == s->mask ? 0 : i + 1;
    rt_value key = s->table[i].key;
    s->table[i].key = DUMMY;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return key;
}

static rt_value m_union(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    if (!rt_check_args(vm, qualified(self, "set.union", "frozenset.union"), nargs, kwnames, 0,
                       -1))
        return RT_ERROR;
    rt_value r = set_copy(vm, self);
    for (size_t i = 0; r != RT_ERROR && i < nargs; i++)
        if (args[i] != self && rt_set_update(vm, r, args[i]) < 0)
            return RT_ERROR;
    return r;
}

static rt_value m_update(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    if (!rt_check_args(vm, "set.update", nargs, kwnames, 0, -1))
        return RT_ERROR;
    for (size_t i = 0; i < nargs; i++)
        if (rt_set_update(vm, self, args[i]) < 0)
            return RT_ERROR;
    return RT_NONE;
}

/* set_intersection_multi: folds left to right, starting from self itself. */
static rt_value intersection_multi(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args)
{
    if (nargs == 0)
        return set_copy(vm, self);
    rt_value r = self;
    for (size_t i = 0; i < nargs; i++) {
        r = rt_set_intersection(vm, r, args[i]);
        if (r == RT_ERROR)
            return RT_ERROR;
    }
    return r;
}

static rt_value m_intersection(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, qualified(self, "set.intersection", "frozenset.intersection"), nargs,
                       kwnames, 0, -1))
        return RT_ERROR;
    return intersection_multi(vm, self, nargs, args);
}

static rt_value m_intersection_update(rt_vm *vm, rt_value self, size_t nargs,
                                      const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "set.intersection_update", nargs, kwnames, 0, -1))
        return RT_ERROR;
    rt_value r = intersection_multi(vm, self, nargs, args);
    if (r == RT_ERROR)
        return RT_ERROR;
    if (r != self)
        take_body(as_set(self), as_set(r));
    return RT_NONE;
}

static rt_value m_difference(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!rt_check_args(vm, qualified(self, "set.difference", "frozenset.difference"), nargs,
                       kwnames, 0, -1))
        return RT_ERROR;
    if (nargs == 0)
        return set_copy(vm, self);
    rt_value r = set_difference(vm, self, args[0]);
    for (size_t i = 1; r != RT_ERROR && i < nargs; i++)
        if (rt_set_difference_update(vm, r, args[i]) < 0)
            return RT_ERROR;
    return r;
}

static rt_value m_difference_update(rt_vm *vm, rt_value self, size_t nargs,
                                    const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "set.difference_update", nargs, kwnames, 0, -1))
        return RT_ERROR;
    for (size_t i = 0; i < nargs; i++)
        if (rt_set_difference_update(vm, self, args[i]) < 0)
            return RT_ERROR;
    return RT_NONE;
}

static rt_value m_symmetric_difference(rt_vm *vm, rt_value self, size_t nargs,
                                       const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm,
                       qualified(self, "set.symmetric_difference",
                                 "frozenset.symmetric_difference"),
                       nargs, kwnames, 1, 1))
        return RT_ERROR;
    return set_symmetric_difference(vm, self, args[0]);
}

static rt_value m_symmetric_difference_update(rt_vm *vm, rt_value self, size_t nargs,
                                              const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "set.symmetric_difference_update", nargs, kwnames, 1, 1) ||
        rt_set_symmetric_difference_update(vm, self, args[0]) < 0)
        return RT_ERROR;
    return RT_NONE;
}

static rt_value bool_result(int r) { return r < 0 ? RT_ERROR : rt_bool(r); }

static rt_value m_issubset(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    if (!rt_check_args(vm, qualified(self, "set.issubset", "frozenset.issubset"), nargs, kwnames,
                       1, 1))
        return RT_ERROR;
    return bool_result(is_subset(vm, self, args[0]));
}

static rt_value m_issuperset(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!rt_check_args(vm, qualified(self, "set.issuperset", "frozenset.issuperset"), nargs,
                       kwnames, 1, 1))
        return RT_ERROR;
    return bool_result(is_superset(vm, self, args[0]));
}

static rt_value m_isdisjoint(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!rt_check_args(vm, qualified(self, "set.isdisjoint", "frozenset.isdisjoint"), nargs,
                       kwnames, 1, 1))
        return RT_ERROR;
    return bool_result(is_disjoint(vm, self, args[0]));
}

static const rt_method set_methods[] = {
    {"add", m_add, NULL},
    {"clear", m_clear, NULL},
    {"__contains__", m_contains, NULL},
    {"copy", m_copy, NULL},
    {"discard", m_discard, NULL},
    {"difference", m_difference, NULL},
    {"difference_update", m_difference_update, NULL},
    {"intersection", m_intersection, NULL},
    {"intersection_update", m_intersection_update, NULL},
    {"isdisjoint", m_isdisjoint, NULL},
    {"issubset", m_issubset, NULL},
    {"issuperset", m_issuperset, NULL},
    {"pop", m_pop, NULL},
    {"remove", m_remove, NULL},
    {"symmetric_difference", m_symmetric_difference, NULL},
    {"symmetric_difference_update", m_symmetric_difference_update, NULL},
    {"union", m_union, NULL},
    {"update", m_update, NULL},
    {NULL, NULL, NULL},
};

static const rt_method frozenset_methods[] = {
    {"__contains__", m_contains, NULL},
    {"copy", m_copy, NULL},
    {"difference", m_difference, NULL},
    {"intersection", m_intersection, NULL},
    {"isdisjoint", m_isdisjoint, NULL},
    {"issubset", m_issubset, NULL},
    {"issuperset", m_issuperset, NULL},
    {"symmetric_difference", m_symmetric_difference, NULL},
    {"union", m_union, NULL},
    {NULL, NULL, NULL},
};

const rt_type rt_set_type = {
    .base = {&rt_type_type},
    .name = "set",
    .base_type = &rt_object_type,
    .repr = set_repr,
    .compare = set_compare,
    .binary = set_binary,
    .truth = set_truth,
    .length = set_length,
    .contains = set_contains_slot,
    .iter = set_iter_new,
    .methods = set_methods,
    .construct = set_construct,
};

const rt_type rt_frozenset_type = {
    .base = {&rt_type_type},
    .name = "frozenset",
    .base_type = &rt_object_type,
    .repr = set_repr,
    .hash = frozenset_hash,
    .compare = set_compare,
    .binary = set_binary,
    .truth = set_truth,
    .length = set_length,
    .contains = set_contains_slot,
    .iter = set_iter_new,
    .methods = frozenset_methods,
    .construct = frozenset_construct,
};
