/* The runtime functions JIT'd code calls, defined once: name, address, signature. They are
 * given to ORC as absolute symbols in the main JITDylib, interned under the LLJIT's mangling,
 * so generated code binds to exactly these addresses. */
#include "symbols.h"

#include <stdlib.h>
#include <string.h>

#include <llvm-c/Orc.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "format.h"
#include "freelist.h"
#include "function.h"
#include "global_cache.h"
#include "iter.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "safepoint.h"
#include "set.h"
#include "tier.h"
#include "tuple.h"

#define FN(f) ((jit_address)(f))

const jit_symbol jit_symbols[] = {
    /* names, cells, globals */
    {"rt_raise_unbound_local", FN(rt_raise_unbound_local), "vpv"},
    {"rt_raise_unbound_free", FN(rt_raise_unbound_free), "vpv"},
    {"rt_cell_new", FN(rt_cell_new), "vv"},
    {"rt_load_global", FN(rt_load_global), "vpvv"},
    {"rt_store_global", FN(rt_store_global), "ipvvv"},
    {"rt_delete_global", FN(rt_delete_global), "ipvv"},
    {"jit_load_global_miss", FN(jit_load_global_miss), "vpvvp"},
    {"jit_store_global_miss", FN(jit_store_global_miss), "ipvvvp"},
    {"jit_globals_get_miss", FN(jit_globals_get_miss), "vpvvp"},
    {"jit_load_global", FN(jit_load_global), "vpvvp"},
    {"jit_store_global", FN(jit_store_global), "ipvvvp"},
    {"jit_globals_get", FN(jit_globals_get), "vpvvp"},
    {"jit_freelist_refill", FN(jit_freelist_refill), "ppz"},
    /* tiers */
    {"jit_tier_up", FN(jit_tier_up), "ppp"},
    {"jit_tier_osr", FN(jit_tier_osr), "pppi"},
    {"rt_setup_annotations", FN(rt_setup_annotations), "ipv"},
    /* operators */
    {"rt_binary_op", FN(rt_binary_op), "vpivv"},
    {"rt_unary_op", FN(rt_unary_op), "vpiv"},
    {"rt_compare", FN(rt_compare), "vpivv"},
    {"rt_contains", FN(rt_contains), "ipvv"},
    {"rt_truthy", FN(rt_truthy), "ipv"},
    /* calls and functions */
    {"rt_call", FN(rt_call), "vpvzpv"},
    {"jit_call_profiled", FN(jit_call_profiled), "vpvzpp"},
    {"jit_call_ex_profiled", FN(jit_call_ex_profiled), "vpvvvp"},
    {"rt_call_slots", FN(rt_call_slots), "pvzpvpz"},
    {"rt_traceback_add", FN(rt_traceback_add), "0pp"},
    {"rt_call_ex", FN(rt_call_ex), "vpvvv"},
    {"rt_call_method", FN(rt_call_method), "vpvvzpv"},
    {"rt_call_or_locals", FN(rt_call_or_locals), "vpvzpp"},
    {"rt_function_str", FN(rt_function_str), "vpv"},
    {"rt_make_function", FN(rt_make_function), "vppvvvv"},
    {"rt_make_closure", FN(rt_make_closure), "vppvzpvvv"},
    {"rt_function_set_annotations", FN(rt_function_set_annotations), "vvv"},
    {"rt_function_init_module", FN(rt_function_init_module), "vvv"},
    /* attributes and subscripts */
    {"rt_getattr", FN(rt_getattr), "vpvv"},
    {"rt_setattr", FN(rt_setattr), "ipvvv"},
    {"rt_getitem", FN(rt_getitem), "vpvv"},
    {"rt_setitem", FN(rt_setitem), "ipvvv"},
    {"rt_delitem", FN(rt_delitem), "ipvv"},
    {"rt_slice_new", FN(rt_slice_new), "vpvvv"},
    /* containers */
    {"rt_tuple_from_array", FN(rt_tuple_from_array), "vpzp"},
    {"rt_list_from_array", FN(rt_list_from_array), "vpzp"},
    {"rt_set_from_array", FN(rt_set_from_array), "vpzp"},
    {"rt_set_from_constants", FN(rt_set_from_constants), "vpzp"},
    {"rt_frozenset_from_constants", FN(rt_frozenset_from_constants), "vpzp"},
    {"rt_dict_new", FN(rt_dict_new), "v"},
    {"rt_dict_set", FN(rt_dict_set), "ipvvv"},
    {"rt_dict_update", FN(rt_dict_update), "ipvv"},
    {"rt_dict_merge_kwargs", FN(rt_dict_merge_kwargs), "ipvvv"},
    {"rt_list_append", FN(rt_list_append), "ipvv"},
    {"rt_list_extend", FN(rt_list_extend), "ipvv"},
    {"rt_list_to_tuple", FN(rt_list_to_tuple), "vpv"},
    {"rt_set_add", FN(rt_set_add), "ipvv"},
    {"rt_set_update", FN(rt_set_update), "ipvv"},
    /* iteration */
    {"rt_get_iter", FN(rt_get_iter), "vpv"},
    {"rt_iter_next", FN(rt_iter_next), "vpv"},
    {"rt_unpack_sequence", FN(rt_unpack_sequence), "ipviip"},
    /* exceptions */
    {"rt_raise_stmt", FN(rt_raise_stmt), "vpvv"},
    {"rt_reraise", FN(rt_reraise), "vp"},
    {"rt_restore", FN(rt_restore), "vpv"},
    {"rt_fetch", FN(rt_fetch), "vp"},
    {"rt_exception_matches", FN(rt_exception_matches), "ipvv"},
    {"rt_raise_assertion", FN(rt_raise_assertion), "vpv"},
    {"rt_raise_format", FN(rt_raise_format), "vppp."},
    /* imports and strings */
    {"rt_import_name", FN(rt_import_name), "vpv"},
    {"rt_import_from", FN(rt_import_from), "vpvv"},
    {"rt_format_value", FN(rt_format_value), "vpviv"},
    {"rt_build_string", FN(rt_build_string), "vpzp"},
    /* limits: the slow path of a step check (safepoint.c) */
    {"jit_safepoint", FN(jit_safepoint), "ip"},
};

const int jit_nsymbols = (int)(sizeof jit_symbols / sizeof jit_symbols[0]);

int jit_symbol_index(const char *name)
{
    for (int i = 0; i < jit_nsymbols; i++)
        if (strcmp(jit_symbols[i].name, name) == 0)
            return i;
    return -1;
}

/* The linker-level name: the C name behind the target's global prefix ('_' on Mach-O). */
static LLVMOrcSymbolStringPoolEntryRef intern_mangled(LLVMOrcExecutionSessionRef es, char prefix,
                                                      const char *name)
{
    char buf[128];
    size_t n = strlen(name);
    if (n + 2 > sizeof buf)
        return NULL;
    size_t at = 0;
    if (prefix)
        buf[at++] = prefix;
    memcpy(buf + at, name, n + 1);
    return LLVMOrcExecutionSessionIntern(es, buf);
}

LLVMErrorRef jit_define_symbols(LLVMOrcLLJITRef lljit)
{
    LLVMOrcExecutionSessionRef es = LLVMOrcLLJITGetExecutionSession(lljit);
    char prefix = LLVMOrcLLJITGetGlobalPrefix(lljit);
    LLVMOrcCSymbolMapPair *pairs = calloc((size_t)jit_nsymbols, sizeof *pairs);
    if (!pairs)
        return LLVMCreateStringError("out of memory defining runtime symbols");
    for (int i = 0; i < jit_nsymbols; i++) {
        pairs[i].Name = intern_mangled(es, prefix, jit_symbols[i].name);
        if (!pairs[i].Name) {
            for (int k = 0; k < i; k++)
                LLVMOrcReleaseSymbolStringPoolEntry(pairs[k].Name);
            free(pairs);
            return LLVMCreateStringError("runtime symbol name too long");
        }
        pairs[i].Sym.Address = (LLVMOrcExecutorAddress)(uintptr_t)jit_symbols[i].address;
        pairs[i].Sym.Flags.GenericFlags =
            LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlagsCallable;
        pairs[i].Sym.Flags.TargetFlags = 0;
    }
    /* The materialization unit takes over the interned names; the array stays ours. */
    LLVMOrcMaterializationUnitRef mu = LLVMOrcAbsoluteSymbols(pairs, (size_t)jit_nsymbols);
    free(pairs);
    LLVMErrorRef err = LLVMOrcJITDylibDefine(LLVMOrcLLJITGetMainJITDylib(lljit), mu);
    if (err)
        LLVMOrcDisposeMaterializationUnit(mu);
    return err;
}
