/* Docstrings of the builtins and of the provided modules' functions, types and the modules
 * themselves, looked up in the table generated at build time from CPython 3.11 (gen_docs.py),
 * so each __doc__ reads exactly as CPython's. */
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "doc_data.h"

static const rt_doc_entry *find(const char *name)
{
    size_t lo = 0, hi = rt_doc_entry_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(name, rt_doc_entries[mid].name);
        if (c == 0)
            return &rt_doc_entries[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const char *rt_doc(const char *name)
{
    const rt_doc_entry *e = find(name);
    return e ? e->doc : NULL;
}

/* The key of `name` in `module`, or NULL when it would not fit (no docstring is that long). */
static const char *qualified(char *buf, size_t size, const char *module, const char *name)
{
    int n = snprintf(buf, size, "%s.%s", module, name);
    return n > 0 && (size_t)n < size ? buf : NULL;
}

const char *rt_member_doc(const char *module, const char *name)
{
    char buf[128];
    const char *key = qualified(buf, sizeof buf, module, name);
    return key ? rt_doc(key) : NULL;
}

const char *rt_member_module(const char *module, const char *name)
{
    char buf[128];
    const char *key = qualified(buf, sizeof buf, module, name);
    const rt_doc_entry *e = key ? find(key) : NULL;
    return e ? e->module : NULL;
}

const char *rt_module_file(const char *name)
{
    const rt_doc_entry *e = strchr(name, '.') ? NULL : find(name);
    return e ? e->module : NULL;
}

const char *rt_builtin_doc(const char *name) { return rt_member_doc("builtins", name); }
