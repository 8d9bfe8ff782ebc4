/* Internal to the JIT: lowering IR to LLVM IR. codegen.c owns the per-module and per-function
 * state, the function skeleton (locals, cells, temps, error edges) and constants; codegen_ops.c
 * emits each IR operation. jit.c drives both and never sees an ir_instr. */
#ifndef CELLAR_JIT_CODEGEN_H
#define CELLAR_JIT_CODEGEN_H

#include <stdbool.h>
#include <stdint.h>

#include <llvm-c/Core.h>

#include "function.h"
#include "global_cache.h"
#include "ir.h"
#include "value.h"

struct jit_tiered;

/* One function of the module being compiled: its IR, its code object, its LLVM name. */
typedef struct cg_compiled {
    const ir_function *ir;
    rt_code *code;
    LLVMValueRef llvm_fn;
    char *llvm_name; /* malloc'd */
    /* Its constants as materialised (one per ir->consts entry, 0 until needed): lent by the
     * jit when both tiers must share them, else allocated and freed by the unit. */
    rt_value *values;
    bool owns_values;
    bool lend_only; /* only lends its code object to MAKE_FUNCTION: not emitted */
    int osr_block;  /* >= 0: an optimised entry resuming at this block (tier.h) */
    /* The function's tier record (tier.h): the hotness record of baseline code, the call
     * profiles optimised code reads. */
    struct jit_tiered *tier;
    /* A known callee's copy (codegen_known.c): internal, called only by the sites speculating
     * on its code, never linked; `known_depth` copies deep (0: not a copy). */
    bool known;
    int known_depth;
} cg_compiled;

/* A module being compiled: every function of one ir_module goes into one LLVM module. */
typedef struct cg_unit {
    rt_vm *vm;
    LLVMContextRef ctx;
    LLVMModuleRef module;
    const char *filename;
    const char *triple, *data_layout; /* the JIT's, set before any load or store is built */
    unsigned long *name_counter;      /* the jit's, so names stay unique across compiles */
    cg_compiled *functions;           /* functions[0] is the module body */
    int nfunctions, capacity;
    LLVMValueRef *decls; /* per jit_symbols entry: its declaration, once used */
    LLVMTypeRef *decl_types;
    LLVMTypeRef i1, i32, i64, ptr;
    unsigned prof_kind;      /* "prof" metadata kind, for unlikely error edges */
    LLVMValueRef unlikely;   /* branch_weights metadata: the error edge is cold */
    LLVMValueRef likely;     /* and the other way round */
    jit_cache_blocks caches; /* the global caches of the module's sites; the jit takes them */
    void **freelists;        /* the jit's free lists, which optimised code pops (freelist.h) */
    /* Baseline code (the first tier): compact, quick to compile — each operation one runtime
     * call, without the inline fast paths, caches and direct calls of optimised code. */
    bool baseline;
    /* Optimised code compiled while its function runs: that activation's globals, which
     * global caches are filled from at compile time (codegen_global.c); else 0. */
    rt_value globals_now;
    /* The jit's tier records, where known callees' IR and profiles are found. */
    struct jit_tiered *const *tiered;
    size_t ntiered;
    char *error; /* first error, malloc'd */
} cg_unit;

/* One star-argument pattern: its BUILD_LIST / BUILD_DICT, LIST_EXTEND / DICT_MERGE, and
 * LIST_TO_TUPLE (NULL for a dict). */
typedef struct cg_forward {
    const ir_instr *build, *merge, *finish;
} cg_forward;

/* The temps live at the top of each block: some path from there reads the temp before
 * writing it. live_in is NULL when the function is too big to bother (then every temp counts
 * as live). */
typedef struct cg_liveness {
    int words; /* per block, of 64 temps each */
    uint64_t *live_in;
} cg_liveness;

/* The function being emitted. */
typedef struct cg_function {
    cg_unit *u;
    const ir_function *ir;
    LLVMValueRef fn;
    LLVMBuilderRef b;
    LLVMValueRef vm, frame, args;
    LLVMValueRef globals; /* frame->function->globals, loaded once */
    bool globals_baked;   /* the entry checked they are cg_unit.globals_now (codegen.c) */
    LLVMValueRef *slots, *cells, *temps; /* allocas of i64 */
    LLVMValueRef scratch;                /* stands in for a bad operand once an error is set */
    LLVMValueRef array;                  /* the argument array every call shares (cg_array) */
    LLVMValueRef callee_frame;           /* the rt_frame every direct call shares */
    /* Optimised code: the parameter slots (and a wrapper's *args tuple) of a function it
     * calls directly that does not take exactly the call's arguments (codegen_call.c,
     * rt_call_slots); NULL in baseline code. */
    LLVMValueRef forward_space;
    int forward_words; /* its size in words */
    /* Baseline code keeps slots, cells and temps in this one array, in that order: the
     * state an on-stack replacement hands to the optimised code (tier.h). */
    LLVMValueRef vars;
    int osr_block;           /* an OSR entry: the block it resumes at, else -1 */
    struct jit_tiered *tier; /* baseline code with a hotness record, else NULL */
    /* Optimised code: the record of the baseline code whose call profiles it reads, else
     * NULL; and how deep in known callees' copies it is (cg_compiled.known_depth). */
    struct jit_tiered *profile;
    int known_depth;
    struct cg_forward *forwards; /* f(*args, **kwargs) patterns (codegen_forward.c) */
    int nforwards;
    int array_size;
    LLVMBasicBlockRef *blocks;    /* one per ir_block, by index */
    bool *reachable;              /* per ir_block: can control get there at all */
    bool *exits;                  /* an OSR entry's: per ir_block, an exit of its region */
    unsigned char *temp_use;      /* an OSR entry's: per temp, CG_TEMP_* bits */
    cg_liveness temp_live;        /* an OSR entry's: the temps live at each block */
    LLVMBasicBlockRef error_exit; /* returns 0: the exception is pending */
    rt_value *values, *names;     /* per const: materialised as value / as name */
    int last_line;                /* line last stored in frame->line in this block */
    bool terminated;              /* the current LLVM block already ends */
} cg_function;

/* Lowers every function of `m` into u->module, creating their code objects. false with
 * u->error set on failure. cg_prepare and cg_emit are its two halves: the functions and their
 * code objects (u->functions, which the caller may annotate), then the LLVM module. */
bool cg_module(cg_unit *u, const ir_module *m);
bool cg_prepare(cg_unit *u, const ir_module *m);
bool cg_emit(cg_unit *u);
/* For recompiling: an empty LLVM module named `name` and room for `n` functions, which the
 * caller appends to u->functions before cg_emit. */
bool cg_begin(cg_unit *u, const char *name, int n);
void cg_unit_init(cg_unit *u, rt_vm *vm, LLVMContextRef ctx, const char *triple,
                  const char *data_layout, unsigned long *name_counter);
/* Appends `c` to u->functions (NULL, failing the unit, when out of memory): the pointer is
 * valid until the next one is added. */
cg_compiled *cg_add_function(cg_unit *u, cg_compiled c);
/* Creates c->llvm_fn (and c->llvm_name). */
void cg_declare_function(cg_unit *u, cg_compiled *c);
/* Whether a known callee's copy of `f` is small enough to be inlined at every site. */
bool cg_known_inlines(const ir_function *f);
/* Frees the unit's bookkeeping; the LLVM module is the caller's (NULL once handed on). */
void cg_unit_free(cg_unit *u);

/* ---- shared between codegen.c and codegen_ops.c ---- */

void cg_fail_at(cg_function *cg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

LLVMValueRef cg_i64(cg_function *cg, uint64_t v);
LLVMValueRef cg_i32(cg_function *cg, int v);
LLVMValueRef cg_ptr_const(cg_function *cg, const void *p);
LLVMValueRef cg_load_temp(cg_function *cg, int temp);
/* Loads temp or, when temp is -1, the given default (0 or RT_NONE). */
LLVMValueRef cg_load_opt(cg_function *cg, int temp, rt_value absent);
void cg_store_temp(cg_function *cg, int temp, LLVMValueRef v);
/* The address `base + offset` (bytes), and an i64 / ptr / i32 loaded from or stored there. */
LLVMValueRef cg_field(cg_function *cg, LLVMValueRef base, size_t offset);
LLVMValueRef cg_load_field(cg_function *cg, LLVMTypeRef t, LLVMValueRef base, size_t offset);
void cg_store_field(cg_function *cg, LLVMValueRef base, size_t offset, LLVMValueRef v);
/* The function's argument array (n > 0 elements), filled from temps when `temps`; valid until
 * the next cg_array. */
LLVMValueRef cg_array(cg_function *cg, int n, const int *temps);

/* Calls the runtime function `name` (a jit_symbols entry). */
LLVMValueRef cg_call(cg_function *cg, const char *name, LLVMValueRef *args, unsigned nargs);
/* cg_call of a function returning rt_value: checks it and stores it in in->dst. */
LLVMValueRef cg_value_call(cg_function *cg, const ir_instr *in, const char *name,
                           LLVMValueRef *args, unsigned nargs);
/* cg_call of a function returning a 0 / -1 status (or 1 / 0 / -1): checks it (< 0). */
LLVMValueRef cg_int_call(cg_function *cg, const ir_instr *in, const char *name, LLVMValueRef *args,
                         unsigned nargs);

LLVMBasicBlockRef cg_new_block(cg_function *cg, const char *name);
LLVMBasicBlockRef cg_block_of(cg_function *cg, const ir_block *b);
/* Where an exception raised by `in` goes. */
LLVMBasicBlockRef cg_fail_target(cg_function *cg, const ir_instr *in);
/* A conditional branch whose `hot` side is the one optimised code expects (a cache hit, a
 * small int, the known callee): the block placer lays it out as the fall-through. */
void cg_branch_hot(cg_function *cg, LLVMValueRef cond, LLVMBasicBlockRef hot,
                   LLVMBasicBlockRef cold);
/* The same with the expectation the other way round: `cond` seldom holds. */
void cg_branch_cold(cg_function *cg, LLVMValueRef cond, LLVMBasicBlockRef cold,
                    LLVMBasicBlockRef hot);
/* Branches to the failure target when `failed` (i1), continuing in a new block otherwise. */
void cg_check(cg_function *cg, const ir_instr *in, LLVMValueRef failed);
void cg_check_value(cg_function *cg, const ir_instr *in, LLVMValueRef v); /* v == 0 */
void cg_check_int(cg_function *cg, const ir_instr *in, LLVMValueRef v);   /* v < 0 */
/* Control leaves the block: branch to the failure target and emit nothing more here. */
void cg_raise(cg_function *cg, const ir_instr *in);
void cg_jump(cg_function *cg, LLVMBasicBlockRef target);
/* RT_TRUE / RT_FALSE from an i1. */
LLVMValueRef cg_bool_value(cg_function *cg, LLVMValueRef cond);
/* i1: the value `v` is a heap object (rt_is_object). */
LLVMValueRef cg_is_object(cg_function *cg, LLVMValueRef v);
/* The type of `v` (a ptr), loaded in a new block reached when `v` is a heap object; control
 * goes to `not_object` otherwise. */
LLVMValueRef cg_object_type(cg_function *cg, LLVMValueRef v, LLVMBasicBlockRef not_object);
/* i1: both words are small ints (their tag bits are set). */
LLVMValueRef cg_both_small(cg_function *cg, LLVMValueRef a, LLVMValueRef b);
LLVMValueRef cg_phi2(cg_function *cg, LLVMTypeRef t, LLVMValueRef v1, LLVMBasicBlockRef b1,
                     LLVMValueRef v2, LLVMBasicBlockRef b2);

/* Constants, materialised at compile time and rooted in vm->constants. 0 after cg_fail_at. */
rt_value cg_const_value(cg_function *cg, int index);
rt_value cg_const_name(cg_function *cg, int index); /* an interned str */
rt_code *cg_code_of(cg_function *cg, const ir_function *f);
/* Name of local slot / cell for UnboundLocalError messages (interned str, rooted). */
rt_value cg_slot_name(cg_function *cg, int slot);
rt_value cg_cell_name(cg_function *cg, int cell);

/* True when `f` is a function that names `locals` or `vars` (see rt_call_or_locals). */
bool cg_mentions_locals(const ir_function *f);

/* The truth of `v` as an i1, inline for bools, None and small ints (codegen_ops.c). */
LLVMValueRef cg_truth(cg_function *cg, const ir_instr *in, LLVMValueRef v);
/* LOAD_GLOBAL / STORE_GLOBAL of `name` through an inline cache (codegen_global.c). */
void cg_emit_load_global(cg_function *cg, const ir_instr *in, LLVMValueRef name);
void cg_emit_store_global(cg_function *cg, const ir_instr *in, LLVMValueRef name);
/* globals[name], or 0 when missing (no builtins, no exception), through a cache. */
LLVMValueRef cg_globals_get(cg_function *cg, LLVMValueRef name);
/* CALL of `callee` with n positional arguments in `args`: straight to the native entry of a
 * simple compiled function, through rt_call otherwise (codegen_call.c). */
void cg_emit_positional_call(cg_function *cg, const ir_instr *in, LLVMValueRef callee, int n,
                             LLVMValueRef args);
/* The copies of the codes a CALL site of `n` positional arguments (n < 0: a CALL_EX's tuple)
 * has always called, per its profile, that the call can be speculated on: compiled functions'
 * codes taking those arguments, defaults filling the rest, or pure wrappers
 * (codegen_known.c). Writes their indices in u->functions to out[] and returns how many (0,
 * 1 or 2); *complete tells whether they are every code the site has seen. */
int cg_known_callees(cg_function *cg, const ir_instr *in, int n, int out[2], bool *complete);
/* The same with the items of an exact tuple (an i64 value) as the arguments, for CALL_EX;
 * returns the result unchecked (0: an exception is pending). */
LLVMValueRef cg_direct_call_tuple(cg_function *cg, const ir_instr *in, LLVMValueRef callee,
                                  LLVMValueRef tuple);
/* Star-argument forwarding (codegen_forward.c): finds the f(*args, **kwargs) patterns of the
 * function (false when out of memory); cg_forward_instr emits an instruction of one and
 * returns true, false for any other instruction; CALL_EX with its direct-call path. */
bool cg_find_forwards(cg_function *cg);
/* rt_code.forwards of `f`: RT_FORWARDS_ARGS / _KWARGS when its *args / **kwargs are only ever
 * read to be passed on (f(*args) / f(**kwargs)), never stored, captured or looked at. */
int32_t cg_forwarded_params(const ir_function *f);
bool cg_forward_instr(cg_function *cg, const ir_instr *in);
void cg_emit_call_ex(cg_function *cg, const ir_instr *in);
/* MAKE_CELL with `contents` (0: empty) into in->imm's cell; and MAKE_FUNCTION built inline
 * when the object is small enough (false: the caller calls rt_make_closure) (codegen_alloc.c). */
void cg_emit_make_cell(cg_function *cg, const ir_instr *in, LLVMValueRef contents);
bool cg_emit_make_function_inline(cg_function *cg, const ir_instr *in, rt_code *code,
                                  LLVMValueRef module);
/* FOR_ITER's next item of iterator `it`, RT_ITER_DONE at the end; errors go to in's handler
 * (codegen_iter.c). */
LLVMValueRef cg_iter_next(cg_function *cg, const ir_instr *in, LLVMValueRef it);
/* GET_ITER: a `for` loop's list iterator in the frame, else rt_get_iter (codegen_iter.c). */
void cg_emit_get_iter(cg_function *cg, const ir_instr *in);
/* BINARY and UNARY with their small-int fast paths (codegen_arith.c). */
void cg_emit_binary(cg_function *cg, const ir_instr *in);
void cg_emit_unary(cg_function *cg, const ir_instr *in);

/* Baseline code's tier-up checks (codegen_tier.c): at the function's entry, and at the top of
 * block `index` when a back edge enters it. */
void cg_tier_entry(cg_function *cg);
void cg_tier_block(cg_function *cg, int index);
/* True when a JUMP, BRANCH or FOR_ITER of block `index` or a later one targets block `index`. */
bool cg_loop_header(const ir_function *f, int index);
/* The blocks an OSR entry at `start` compiles (region[k]): those of the outermost loop around
 * it that control reaches from it, or all it reaches when it is in no loop; and the blocks
 * outside that edges from them go to (exits[k]). Baseline code and the OSR entry both ask, so
 * they agree on the exits. false when out of memory. */
bool cg_osr_region(const ir_function *f, int start, bool *region, bool *exits);
/* The blocks control can reach from the entry: lowering opens a fresh block after a return or
 * raise, which gets no code. false when out of memory. */
bool cg_reachable(const ir_function *f, bool *reachable);
/* An OSR entry's exit at block `index` (codegen_tier.c): the variables stored back into the
 * baseline state, the block index at cg_osr_exit_offset, RT_OSR_EXIT returned. */
void cg_emit_osr_exit(cg_function *cg, int index);
/* What an OSR region does with each temp: only these need loading from the baseline state at
 * its entry and, when written, storing back at its exits (a region reads no other temp, and
 * leaves the others as the state holds them). */
enum { CG_TEMP_TOUCHED = 1, CG_TEMP_WRITTEN = 2 };
void cg_osr_temp_use(const ir_function *f, const bool *region, unsigned char *use);
/* An OSR entry loads, and its exits store back, only the temps live there (cg_liveness):
 * expression temps left in the baseline state are dead, and carrying them round the loop
 * cost registers. */
bool cg_temp_liveness(const ir_function *f, cg_liveness *out); /* false: out of memory */
bool cg_temp_live(const cg_liveness *l, int block, int temp);
size_t cg_osr_exit_offset(const ir_function *f);
/* Operations after which control never reaches the next instruction of the block. */
bool cg_ends_block(ir_op op);
/* The index of block `b` in f->blocks, -1 when it is not one of them. */
int cg_block_index(const ir_function *f, const ir_block *b);

/* Emits one instruction (codegen_ops.c); cg_instr_plain without the forwarding patterns. */
void cg_instr(cg_function *cg, const ir_instr *in);
void cg_instr_plain(cg_function *cg, const ir_instr *in);

#endif
