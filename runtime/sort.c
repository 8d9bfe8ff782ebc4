/* list.sort: a port of CPython 3.11's listsort — timsort with galloping merges and powersort's
 * merge order — so the same comparisons happen in the same order (and so the same one fails
 * first). Keys are computed up front; the list is empty while it sorts, which is how
 * "list modified during sort" is detected. */
#include <string.h>

#include "call.h"
#include "exception.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

enum {
    MIN_GALLOP = 7,       /* CPython's threshold for entering galloping mode */
    MAX_MERGE_PENDING = 85 /* enough for 2**64 elements */
};

/* Keys and, when a key function is used, the values that travel with them. */
typedef struct slice {
    rt_value *keys;
    rt_value *values; /* NULL without a key function */
} slice;

typedef struct run {
    slice base;
    int64_t len;
    int power;
} run;

typedef struct merge_state {
    rt_vm *vm;
    int64_t min_gallop;
    slice temp;
    int64_t temp_size;
    rt_value *basekeys;
    int64_t listlen;
    int n;
    run pending[MAX_MERGE_PENDING];
} merge_state;

/* 1 if x < y, 0 if not, -1 on error. */
static int islt(merge_state *ms, rt_value x, rt_value y)
{
    return rt_compare_bool(ms->vm, RT_LT, x, y);
}

static void advance(slice *s, int64_t n)
{
    s->keys += n;
    if (s->values)
        s->values += n;
}

static void copy_items(slice *d, int64_t di, slice *s, int64_t si, int64_t n)
{
    memmove(d->keys + di, s->keys + si, (size_t)n * sizeof(rt_value));
    if (d->values)
        memmove(d->values + di, s->values + si, (size_t)n * sizeof(rt_value));
}

static void copy_one_incr(slice *d, slice *s)
{
    *d->keys++ = *s->keys++;
    if (d->values)
        *d->values++ = *s->values++;
}

static void copy_one_decr(slice *d, slice *s)
{
    *d->keys-- = *s->keys--;
    if (d->values)
        *d->values-- = *s->values--;
}

static void reverse_array(rt_value *lo, int64_t n)
{
    for (rt_value *hi = lo + n - 1; lo < hi; lo++, hi--) {
        rt_value t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void reverse_slice(slice *s, int64_t n)
{
    reverse_array(s->keys, n);
    if (s->values)
        reverse_array(s->values, n);
}

/* Binary insertion sort of lo[0:n], whose first `start` items are already sorted. */
static int binarysort(merge_state *ms, slice lo, int64_t n, int64_t start)
{
    for (; start < n; start++) {
        rt_value pivot = lo.keys[start];
        int64_t l = 0, r = start;
        do {
            int64_t p = l + ((r - l) >> 1);
            int k = islt(ms, pivot, lo.keys[p]);
            if (k < 0)
                return -1;
            if (k)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        memmove(lo.keys + l + 1, lo.keys + l, (size_t)(start - l) * sizeof(rt_value));
        lo.keys[l] = pivot;
        if (lo.values) {
            rt_value pv = lo.values[start];
            memmove(lo.values + l + 1, lo.values + l, (size_t)(start - l) * sizeof(rt_value));
            lo.values[l] = pv;
        }
    }
    return 0;
}

/* Length of the run at the start of a[0:n]; *descending when it is strictly decreasing. */
static int64_t count_run(merge_state *ms, rt_value *a, int64_t n, bool *descending)
{
    *descending = false;
    if (n == 1)
        return 1;
    int k = islt(ms, a[1], a[0]);
    if (k < 0)
        return -1;
    int64_t i = 2;
    *descending = k;
    for (; i < n; i++) {
        k = islt(ms, a[i], a[i - 1]);
        if (k < 0)
            return -1;
        if (k != *descending)
            break;
    }
    return i;
}

/* Where key belongs in sorted a[0:n], leftmost among equals; hint is where to start. */
static int64_t gallop_left(merge_state *ms, rt_value key, rt_value *a, int64_t n, int64_t hint)
{
    int64_t ofs = 1, lastofs = 0, k;
    rt_value *h = a + hint;
    if ((k = islt(ms, *h, key)) < 0)
        return -1;
    if (k) {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            if ((k = islt(ms, h[ofs], key)) < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if ((k = islt(ms, *(h - ofs), key)) < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        if ((k = islt(ms, a[m], key)) < 0)
            return -1;
        if (k)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

/* Like gallop_left, but rightmost among equals. */
static int64_t gallop_right(merge_state *ms, rt_value key, rt_value *a, int64_t n, int64_t hint)
{
    int64_t ofs = 1, lastofs = 0, k;
    rt_value *h = a + hint;
    if ((k = islt(ms, key, *h)) < 0)
        return -1;
    if (k) {
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if ((k = islt(ms, key, *(h - ofs))) < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            if ((k = islt(ms, key, h[ofs])) < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
        int64_t m = lastofs + ((ofs - lastofs) >> 1);
        if ((k = islt(ms, key, a[m])) < 0)
            return -1;
        if (k)
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
}

static void ensure_temp(merge_state *ms, int64_t need, bool values)
{
    if (ms->temp_size >= need)
        return;
    ms->temp.keys = rt_alloc_raw((size_t)need * sizeof(rt_value));
    ms->temp.values = values ? rt_alloc_raw((size_t)need * sizeof(rt_value)) : NULL;
    ms->temp_size = need;
}

/* Merges the na items at ssa with the nb at ssb (ssa + na == ssb, na <= nb), copying a out. */
static int merge_lo(merge_state *ms, slice ssa, int64_t na, slice ssb, int64_t nb)
{
    int result = -1;
    int64_t k, acount, bcount;
    ensure_temp(ms, na, ssa.values != NULL);
    copy_items(&ms->temp, 0, &ssa, 0, na);
    slice dest = ssa;
    ssa = ms->temp;
    copy_one_incr(&dest, &ssb);
    if (--nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;
    int64_t min_gallop = ms->min_gallop;
    for (;;) {
        acount = bcount = 0;
        for (;;) {
            if ((k = islt(ms, ssb.keys[0], ssa.keys[0])) < 0)
                goto fail;
            if (k) {
                copy_one_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                if (--nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                copy_one_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                if (--na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            if ((k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0)) < 0)
                goto fail;
            acount = k;
            if (k) {
                copy_items(&dest, 0, &ssa, 0, k);
                advance(&dest, k);
                advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                if (na == 0)
                    goto succeed;
            }
            copy_one_incr(&dest, &ssb);
            if (--nb == 0)
                goto succeed;
            if ((k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0)) < 0)
                goto fail;
            bcount = k;
            if (k) {
                copy_items(&dest, 0, &ssb, 0, k);
                advance(&dest, k);
                advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            copy_one_incr(&dest, &ssa);
            if (--na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        copy_items(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    copy_items(&dest, 0, &ssb, 0, nb);
    copy_items(&dest, nb, &ssa, 0, 1);
    return 0;
}

/* Merges the na items at ssa with the nb at ssb (na > nb), from the right, copying b out. */
static int merge_hi(merge_state *ms, slice ssa, int64_t na, slice ssb, int64_t nb)
{
    int result = -1;
    int64_t k, acount, bcount;
    ensure_temp(ms, nb, ssa.values != NULL);
    slice dest = ssb;
    advance(&dest, nb - 1);
    copy_items(&ms->temp, 0, &ssb, 0, nb);
    slice basea = ssa, baseb = ms->temp;
    ssb = ms->temp;
    advance(&ssb, nb - 1);
    advance(&ssa, na - 1);
    copy_one_decr(&dest, &ssa);
    if (--na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;
    int64_t min_gallop = ms->min_gallop;
    for (;;) {
        acount = bcount = 0;
        for (;;) {
            if ((k = islt(ms, ssb.keys[0], ssa.keys[0])) < 0)
                goto fail;
            if (k) {
                copy_one_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                if (--na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                copy_one_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                if (--nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            if ((k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1)) < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                advance(&dest, -k);
                advance(&ssa, -k);
                copy_items(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            copy_one_decr(&dest, &ssb);
            if (--nb == 1)
                goto copy_a;
            if ((k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1)) < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                advance(&dest, -k);
                advance(&ssb, -k);
                copy_items(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0)
                    goto succeed;
            }
            copy_one_decr(&dest, &ssa);
            if (--na == 0)
                goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        copy_items(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    copy_items(&dest, 1 - na, &ssa, 1 - na, na);
    advance(&dest, -na);
    advance(&ssa, -na);
    copy_items(&dest, 0, &ssb, 0, 1);
    return 0;
}

/* Merges pending runs i and i + 1. */
static int merge_at(merge_state *ms, int i)
{
    slice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    int64_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;
    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;
    int64_t k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0)
        return -1;
    advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return (int)nb;
    return na <= nb ? merge_lo(ms, ssa, na, ssb, nb) : merge_hi(ms, ssa, na, ssb, nb);
}

/* Powersort's node power of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2). */
static int powerloop(int64_t s1, int64_t n1, int64_t n2, int64_t n)
{
    int result = 0;
    int64_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int found_new_run(merge_state *ms, int64_t n2)
{
    if (ms->n == 0)
        return 0;
    run *p = ms->pending;
    int64_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
    int power = powerloop(s1, p[ms->n - 1].len, n2, ms->listlen);
    while (ms->n > 1 && p[ms->n - 2].power > power)
        if (merge_at(ms, ms->n - 2) < 0)
            return -1;
    p[ms->n - 1].power = power;
    return 0;
}

static int merge_force_collapse(merge_state *ms)
{
    run *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

static int64_t compute_minrun(int64_t n)
{
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* Timsort of keys[0:n] (carrying values along when not NULL). */
static int timsort(rt_vm *vm, rt_value *keys, rt_value *values, int64_t n)
{
    merge_state ms = {.vm = vm, .min_gallop = MIN_GALLOP, .basekeys = keys, .listlen = n};
    slice lo = {keys, values};
    int64_t remaining = n, minrun = compute_minrun(n);
    while (remaining > 0) {
        bool descending;
        int64_t len = count_run(&ms, lo.keys, remaining, &descending);
        if (len < 0)
            return -1;
        if (descending)
            reverse_slice(&lo, len);
        if (len < minrun) {
            int64_t force = remaining <= minrun ? remaining : minrun;
            if (binarysort(&ms, lo, force, len) < 0)
                return -1;
            len = force;
        }
        if (found_new_run(&ms, len) < 0)
            return -1;
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = len;
        ++ms.n;
        advance(&lo, len);
        remaining -= len;
    }
    return merge_force_collapse(&ms);
}

/* Calls key on every item; keys[i] = key(items[i]). */
static int compute_keys(rt_vm *vm, rt_value key, const rt_value *items, rt_value *keys,
                        int64_t n)
{
    for (int64_t i = 0; i < n; i++) {
        keys[i] = rt_call1(vm, key, items[i]);
        if (keys[i] == 0)
            return -1;
    }
    return 0;
}

int rt_list_sort(rt_vm *vm, rt_value list, rt_value key, bool reverse)
{
    rt_list *l = rt_as_list(list);
    /* The list is empty while it sorts; capacity -1 marks "untouched" for the check below. */
    rt_value *items = l->items;
    int64_t n = l->size, capacity = l->capacity;
    l->items = NULL;
    l->size = 0;
    l->capacity = -1;
    rt_value *keys = items, *values = NULL;
    int result = 0;
    if (key != 0 && key != RT_NONE && n > 0) {
        keys = rt_alloc_raw((size_t)n * sizeof(rt_value));
        values = items;
        result = compute_keys(vm, key, items, keys, n);
    }
    if (result == 0 && n > 1) {
        if (reverse) {
            reverse_array(keys, n);
            if (values)
                reverse_array(values, n);
        }
        result = timsort(vm, keys, values, n);
        if (reverse) {
            reverse_array(keys, n);
            if (values)
                reverse_array(values, n);
        }
    }
    bool modified = l->capacity != -1;
    l->items = items;
    l->size = n;
    l->capacity = capacity;
    if (modified && result == 0) {
        rt_raise_msg(vm, &rt_value_error_type, "list modified during sort");
        return -1;
    }
    return result;
}

/* The keyword-only key= and reverse= of list.sort and sorted(). */
bool rt_sort_args(rt_vm *vm, rt_value kwnames, const rt_value *kwvalues, rt_value *key,
                  rt_value *reverse)
{
    int64_t nkw = kwnames ? rt_as_tuple(kwnames)->size : 0;
    if (nkw > 2) {
        rt_raise_format(vm, &rt_type_error_type,
                        "sort() takes at most 2 keyword arguments (%lld given)", (long long)nkw);
        return false;
    }
    for (int64_t i = 0; i < nkw; i++) {
        rt_value name = rt_as_tuple(kwnames)->items[i];
        if (rt_str_equal_cstr(name, "key")) {
            *key = kwvalues[i];
        } else if (rt_str_equal_cstr(name, "reverse")) {
            *reverse = kwvalues[i];
        } else {
            rt_raise_format(vm, &rt_type_error_type,
                            "'%U' is an invalid keyword argument for sort()", name);
            return false;
        }
    }
    return true;
}
