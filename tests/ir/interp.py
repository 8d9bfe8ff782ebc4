"""A reference interpreter for cellar's IR, reading the text of `cellar --emit-ir`.

It runs the IR with CPython's own objects as values, so it checks closure conversion (cells,
closures, handler wiring, finally copies, evaluation order) independently of codegen and the
runtime: a golden program that passes here but fails in cellar points at jit/ or runtime/.

    cellar --emit-ir prog.py > prog.ir && python3 tests/ir/interp.py prog.ir

Limits: functions are CPython functions with the same signature whose body runs the IR, so
introspection (__code__, __closure__, cell_contents), globals()/locals() and "Did you mean"
suggestions do not match cellar's; an uncaught exception prints only its last line."""
import builtins, operator, re, sys


# ---------------------------------------------------------------- parsing
def scan_value(s, i):
    """Parse one const value starting at s[i]; return (value, new_i)."""
    if s.startswith('<code ', i):
        j = i + 6
        depth = 1
        while depth:
            if s[j] == '<': depth += 1
            elif s[j] == '>': depth -= 1
            j += 1
        return ('code', s[i + 6:j - 1]), j
    if s[i] in "'(":
        # find the end: try growing until literal_eval succeeds at a boundary
        import ast
        m = re.compile(r" k\d+=").finditer(s, i)
        ends = [mm.start() for mm in m] + [len(s)]
        for e in ends:
            try:
                v = ast.literal_eval(s[i:e])
                if isinstance(v, tuple):
                    v = ('names', v)
                return v, e
            except Exception:
                continue
        raise ValueError(s[i:])
    m = re.compile(r"\S+").match(s, i)
    tok = m.group(0)
    table = {'None': None, 'True': True, 'False': False, 'Ellipsis': Ellipsis,
             'inf': float('inf'), '-inf': float('-inf'), 'nan': float('nan')}
    if tok in table:
        return table[tok], m.end()
    if re.fullmatch(r"-?\d+", tok):
        return int(tok), m.end()
    return float(tok), m.end()


def parse_consts(s):
    out = []
    i = 0
    while i < len(s):
        m = re.compile(r" k(\d+)=").match(s, i)
        assert m, s[i:]
        v, i = scan_value(s, m.end())
        out.append(v)
    return out


class Fn:
    pass


def parse_dump(text):
    fns = []
    cur = None
    block = None
    for line in text.split('\n'):
        if line.startswith('function '):
            cur = Fn()
            fns.append(cur)
            parts = line.split('  ')
            cur.name = parts[0][len('function '):]
            cur.qualname = parts[1][len('qualname='):]
            cur.firstlineno = int(parts[2][len('line='):])
            kv = dict(p.split('=') for p in parts[3].split())
            cur.argcount = int(kv['args']); cur.posonly = int(kv['posonly'])
            cur.kwonly = int(kv['kwonly']); cur.varargs = kv['varargs'] == 'yes'
            cur.varkw = kv['varkw'] == 'yes'
            cur.blocks = []
            cur.docstring = None
        elif line.startswith('  env ['):
            inner = line[len('  env ['):-1]
            # `name=value` marks an entry held by value (LOAD_CAPTURED reads it as it is)
            cur.freevars = [v.split('=')[0] for v in inner.split(', ')] if inner else []
        elif line.startswith('  cells:'):
            # `name=slot#i`: held by value in slot i, so no cell is made for it
            cur.cellvars = [v.split('=')[0] for v in line[len('  cells:'):].split()]
        elif line.startswith('  slots:'):
            cur.varnames = line[len('  slots:'):].split()
        elif line.startswith('  consts:'):
            cur.consts = parse_consts(line[len('  consts:'):])
        elif line.startswith('  docstring: k'):
            cur.docstring = cur.consts[int(line[len('  docstring: k'):])]
        elif re.match(r"  b\d+:", line):
            block = []
            cur.blocks.append(block)
        elif line.startswith('    '):
            block.append(parse_instr(line[4:]))
    # link code constants to children in pre-order
    pos = [0]
    def build():
        f = fns[pos[0]]; pos[0] += 1
        f.children = []
        for i, c in enumerate(f.consts):
            if isinstance(c, tuple) and c and c[0] == 'code':
                child = build()
                assert child.qualname == c[1], (child.qualname, c[1])
                f.consts[i] = child
        return f
    return build()


def T(s):
    return None if s == '-' else int(s[1:])


def parse_instr(s):
    m = re.search(r"\s+; line (-?\d+)$", s)
    line = int(m.group(1)); s = s[:m.start()]
    handler = None
    m = re.search(r"  ! b(\d+)$", s)
    if m:
        handler = int(m.group(1)); s = s[:m.start()]
    dst = None
    m = re.match(r"t(\d+) = ", s)
    if m:
        dst = int(m.group(1)); s = s[m.end():]
    op, _, rest = s.partition(' ')
    return (op, dst, rest, handler, line)

# ---------------------------------------------------------------- running
class Cell:
    __slots__ = ('v',)
    def __init__(self, v=None): self.v = v

UNBOUND = object()

BIN = {'+': operator.add, '-': operator.sub, '*': operator.mul, '@': operator.matmul,
       '/': operator.truediv, '%': operator.mod, '**': operator.pow, '<<': operator.lshift,
       '>>': operator.rshift, '|': operator.or_, '^': operator.xor, '&': operator.and_,
       '//': operator.floordiv}
INPLACE = {'+=': operator.iadd, '-=': operator.isub, '*=': operator.imul, '@=': operator.imatmul,
           '/=': operator.itruediv, '%=': operator.imod, '**=': operator.ipow,
           '<<=': operator.ilshift, '>>=': operator.irshift, '|=': operator.ior,
           '^=': operator.ixor, '&=': operator.iand, '//=': operator.ifloordiv}
CMP = {'==': operator.eq, '!=': operator.ne, '<': operator.lt, '<=': operator.le,
       '>': operator.gt, '>=': operator.ge, 'is': operator.is_, 'is not': operator.is_not,
       'in': lambda a, b: a in b, 'not in': lambda a, b: a not in b}


class VM:
    handling = None


vm = VM()


def make_function(fn, globals_, closure, defaults, kwdefaults):
    """A real Python function with fn's signature (so CPython binds the arguments and raises
    its own TypeErrors) whose body runs fn's IR."""
    names = [n if n.isidentifier() else '_' + n.lstrip('.') for n in fn.varnames]
    nparams = fn.argcount + fn.kwonly + fn.varargs + fn.varkw
    nd = len(defaults) if defaults else 0
    ns = {}
    params = []
    for i, p in enumerate(names[:fn.argcount]):  # co_varnames: args, kwonly, *args, **kw
        if i >= fn.argcount - nd:
            ns[p + '__d'] = defaults[i - (fn.argcount - nd)]
            p += '=' + p + '__d'
        params.append(p)
        if i == fn.posonly - 1:
            params.append('/')
    if fn.varargs:
        params.append('*' + names[fn.argcount + fn.kwonly])
    elif fn.kwonly:
        params.append('*')
    for p in names[fn.argcount:fn.argcount + fn.kwonly]:
        if kwdefaults and p in kwdefaults:
            ns[p + '__k'] = kwdefaults[p]
            p += '=' + p + '__k'
        params.append(p)
    if fn.varkw:
        params.append('**' + names[fn.argcount + fn.kwonly + fn.varargs])
    args = ''.join(n + ', ' for n in names[:nparams])
    pyname = fn.name if fn.name.isidentifier() else 'f'
    exec(f"def {pyname}({', '.join(params)}):\n    return __run(({args}))\n", ns)
    ns['__run'] = lambda args: run(fn, globals_, list(args), closure)
    pyf = ns[pyname]
    pyf.__name__ = fn.name
    pyf.__qualname__ = fn.qualname
    pyf.__doc__ = fn.docstring
    pyf.__module__ = '__main__'
    return pyf


def callee_name(f):
    return getattr(f, '__qualname__', getattr(f, '__name__', '?')) + '()'


def unpack(v, n, star):
    try:
        it = iter(v)
    except TypeError:
        raise TypeError(f"cannot unpack non-iterable {type(v).__name__} object") from None
    items = list(it)
    if star < 0:
        if len(items) < n:
            raise ValueError(f"not enough values to unpack (expected {n}, got {len(items)})")
        if len(items) > n:
            raise ValueError(f"too many values to unpack (expected {n})")
        return items
    if len(items) < n - 1:
        raise ValueError(f"not enough values to unpack (expected at least {n - 1}, got {len(items)})")
    after = n - 1 - star
    mid = items[star:len(items) - after]
    return items[:star] + [mid] + items[len(items) - after:]


def targs(s):
    s = s.strip()
    assert s[0] == '(' and s[-1] == ')', s
    inner = s[1:-1]
    if not inner:
        return []
    return [T(x.strip().lstrip('*')) for x in inner.split(',')]


def run(fn, g, args, closure):
    slots = [UNBOUND] * len(fn.varnames)
    for i, a in enumerate(args):
        slots[i] = a
    ncell = len(fn.cellvars)
    cells = [None] * ncell + list(closure)
    t = {}
    pending = None
    b = 0
    while True:
        block = fn.blocks[b]
        nxt = None
        for (op, dst, rest, handler, line) in block:
            try:
                r = step(fn, g, op, dst, rest, slots, cells, t, pending)
            except BaseException as e:
                chain(e, op)
                if handler is None:
                    raise
                pending = e
                nxt = handler
                break
            if r is not None:
                kind, val = r
                if kind == 'jump':
                    nxt = val
                    break
                if kind == 'return':
                    return val
        b = nxt


def chain(e, op):
    # An exception gets the handled one as __context__ where it is first raised.
    if getattr(e, '_seen', False):
        return
    try:
        e._seen = True
    except Exception:
        pass
    h = vm.handling
    if op == 'RERAISE' or h is None or h is e:
        return
    x = h
    while x is not None:  # avoid cycles as CPython does
        if x.__context__ is e:
            x.__context__ = None
            break
        x = x.__context__
    e.__context__ = h


def name_of(rest):
    return rest.split(' ')[0]


def step(fn, g, op, dst, rest, slots, cells, t, pending):
    def tv(x): return t[T(x)]
    if op == 'CONST':
        k = int(rest.split(' ')[0][1:])
        t[dst] = fn.consts[k]
    elif op == 'MOVE':
        t[dst] = tv(rest)
    elif op in ('LOAD_LOCAL', 'STORE_LOCAL', 'DELETE_LOCAL'):
        m = re.match(r"(\S+) \(slot#(\d+)\)(?: <- (t\d+))?", rest)
        i = int(m.group(2))
        if op == 'STORE_LOCAL':
            slots[i] = tv(m.group(3))
        else:
            if slots[i] is UNBOUND:
                raise UnboundLocalError(f"cannot access local variable '{m.group(1)}' where it is not associated with a value")
            if op == 'LOAD_LOCAL':
                t[dst] = slots[i]
            else:
                slots[i] = UNBOUND
    elif op == 'LOAD_CAPTURED':
        m = re.match(r"(\S+) \(cell#(\d+)\)", rest)
        t[dst] = cells[int(m.group(2))]  # the environment holds the value itself
    elif op in ('MAKE_CELL', 'LOAD_DEREF', 'STORE_DEREF', 'DELETE_DEREF', 'LOAD_CLOSURE'):
        m = re.match(r"(\S+) \(cell#(\d+)\)(?: <- (t\d+|empty))?", rest)
        i = int(m.group(2)); name = m.group(1)
        if op == 'MAKE_CELL':
            cells[i] = Cell(UNBOUND if m.group(3) == 'empty' else tv(m.group(3)))
        elif op == 'LOAD_CLOSURE':
            t[dst] = cells[i]
        elif op == 'STORE_DEREF':
            cells[i].v = tv(m.group(3))
        else:
            if cells[i].v is UNBOUND:
                if i < len(fn.cellvars):
                    raise UnboundLocalError(f"cannot access local variable '{name}' where it is not associated with a value")
                raise NameError(f"cannot access free variable '{name}' where it is not associated with a value in enclosing scope")
            if op == 'LOAD_DEREF':
                t[dst] = cells[i].v
            else:
                cells[i].v = UNBOUND
    elif op == 'LOAD_GLOBAL':
        name = rest
        if name in g:
            t[dst] = g[name]
        elif name in vars(builtins):  # not hasattr: modules make __annotations__ on demand
            t[dst] = vars(builtins)[name]
        else:
            raise NameError(f"name '{name}' is not defined")
    elif op == 'STORE_GLOBAL':
        name, _, v = rest.partition(' <- ')
        g[name] = tv(v)
    elif op == 'SETUP_ANNOTATIONS':
        g.setdefault('__annotations__', {})
    elif op == 'DELETE_GLOBAL':
        if rest not in g:
            raise NameError(f"name '{rest}' is not defined")
        del g[rest]
    elif op == 'BINARY':
        a, o, bb = rest.split(' ')
        t[dst] = (INPLACE[o] if o.endswith('=') and o not in BIN else BIN[o])(tv(a), tv(bb))
    elif op == 'UNARY':
        o, a = rest.split(' ')
        v = tv(a)
        t[dst] = {'not': operator.not_, '-': operator.neg, '+': operator.pos, '~': operator.invert}[o](v)
    elif op == 'COMPARE':
        m = re.match(r"(t\d+) (.+) (t\d+)$", rest)
        t[dst] = CMP[m.group(2)](tv(m.group(1)), tv(m.group(3)))
    elif op == 'JUMP':
        return ('jump', int(rest[1:]))
    elif op == 'BRANCH':
        m = re.match(r"(t\d+) \? b(\d+) : b(\d+)", rest)
        return ('jump', int(m.group(2)) if tv(m.group(1)) else int(m.group(3)))
    elif op == 'RETURN':
        return ('return', tv(rest))
    elif op in ('CALL', 'CALL_METHOD'):
        m = re.match(r"(t\d+)(?:\.(\S+?))?(\([^)]*\))(?: kwnames=(.*))?$", rest)
        f = tv(m.group(1))
        if op == 'CALL_METHOD':
            f = getattr(f, m.group(2))
        vals = [t[x] for x in targs(m.group(3))]
        kw = {}
        if m.group(4):
            import ast
            names = ast.literal_eval(m.group(4))
            for nm, v in zip(names, vals[len(vals) - len(names):]):
                kw[nm] = v
            vals = vals[:len(vals) - len(names)]
        t[dst] = f(*vals, **kw)
    elif op == 'CALL_EX':
        m = re.match(r"(t\d+)\(\*(t\d+)(?:, \*\*(t\d+))?\)", rest)
        f = tv(m.group(1)); a = tv(m.group(2))
        kw = tv(m.group(3)) if m.group(3) else {}
        t[dst] = f(*a, **kw)
    elif op in ('GET_ATTR', 'SET_ATTR', 'DEL_ATTR', 'IMPORT_FROM'):
        m = re.match(r"(t\d+)\.(\S+)(?: <- (t\d+))?", rest)
        o = tv(m.group(1)); name = m.group(2)
        if op == 'GET_ATTR':
            t[dst] = getattr(o, name)
        elif op == 'SET_ATTR':
            setattr(o, name, tv(m.group(3)))
        elif op == 'DEL_ATTR':
            delattr(o, name)
        else:
            try:
                t[dst] = getattr(o, name)
            except AttributeError:
                raise ImportError(f"cannot import name '{name}' from '{o.__name__}' (unknown location)")
    elif op in ('GET_ITEM', 'SET_ITEM', 'DEL_ITEM', 'DICT_SET'):
        m = re.match(r"(t\d+)\[(t\d+)\](?: <- (t\d+))?", rest)
        o = tv(m.group(1)); k = tv(m.group(2))
        if op == 'GET_ITEM':
            t[dst] = o[k]
        elif op == 'DEL_ITEM':
            del o[k]
        else:
            o[k] = tv(m.group(3))
    elif op in ('LIST_APPEND', 'LIST_EXTEND', 'SET_ADD', 'SET_UPDATE', 'DICT_UPDATE', 'DICT_MERGE'):
        m = re.match(r"(t\d+) <- (t\d+)(?: \(callee (t\d+)\))?", rest)
        a = tv(m.group(1)); v = tv(m.group(2))
        if op == 'LIST_APPEND': a.append(v)
        elif op == 'LIST_EXTEND':
            try:
                a.extend(v)
            except TypeError:
                if hasattr(v, '__iter__'): raise
                if m.group(3):
                    raise TypeError(f"{callee_name(tv(m.group(3)))} argument after * must be an iterable, not {type(v).__name__}") from None
                raise TypeError(f"Value after * must be an iterable, not {type(v).__name__}") from None
        elif op == 'SET_ADD': a.add(v)
        elif op == 'SET_UPDATE': a.update(v)
        elif op == 'DICT_UPDATE':
            if not hasattr(v, 'keys'):
                raise TypeError(f"'{type(v).__name__}' object is not a mapping")
            a.update(v)
        else:
            f = tv(m.group(3))
            if not hasattr(v, 'keys'):
                raise TypeError(f"{callee_name(f)} argument after ** must be a mapping, not {type(v).__name__}")
            for k in v.keys():
                if k in a:
                    raise TypeError(f"{callee_name(f)} got multiple values for keyword argument '{k}'")
                a[k] = v[k]
    elif op in ('BUILD_TUPLE', 'BUILD_LIST', 'BUILD_SET', 'BUILD_DICT', 'BUILD_STRING'):
        rest, _, how = rest.partition(') ')
        vals = [t[x] for x in targs(rest + ')' if how else rest)]
        if op == 'BUILD_TUPLE': t[dst] = tuple(vals)
        elif op == 'BUILD_LIST': t[dst] = vals
        elif op == 'BUILD_SET' and how:
            # CPython's frozenset constant, rebuilt in its own order by the constant merging;
            # a display of constants is BUILD_SET 0 + SET_UPDATE of it
            frozen = frozenset(list(frozenset(vals)))
            t[dst] = frozen if how == 'frozen' else set()
            if how == 'constants': t[dst].update(frozen)
        elif op == 'BUILD_SET': t[dst] = set(vals)
        elif op == 'BUILD_DICT':
            d = {}
            for i in range(0, len(vals), 2):
                d[vals[i]] = vals[i + 1]
            t[dst] = d
        else: t[dst] = ''.join(vals)
    elif op == 'BUILD_SLICE':
        parts = [None if x is None else t[x] for x in targs(rest)]
        t[dst] = slice(*parts)
    elif op == 'LIST_TO_TUPLE':
        t[dst] = tuple(tv(rest))
    elif op == 'GET_ITER':
        t[dst] = iter(tv(rest))
    elif op == 'FOR_ITER':
        m = re.match(r"(t\d+) -> b(\d+), exhausted -> b(\d+)", rest)
        try:
            t[dst] = next(tv(m.group(1)))
        except StopIteration:
            return ('jump', int(m.group(3)))
        return ('jump', int(m.group(2)))
    elif op == 'UNPACK':
        m = re.match(r"(t\d+) -> (\(.*\))", rest)
        inner = m.group(2)[1:-1].split(', ')
        star = next((i for i, x in enumerate(inner) if x.startswith('*')), -1)
        outs = [T(x.lstrip('*')) for x in inner]
        for o, v in zip(outs, unpack(tv(m.group(1)), len(outs), star)):
            t[o] = v
    elif op == 'MAKE_FUNCTION':
        m = re.match(r"k(\d+) <code .*> closure=(\([^)]*\))(?: defaults=(t\d+))?(?: kwdefaults=(t\d+))?(?: annotations=(t\d+))?$", rest)
        child = fn.consts[int(m.group(1))]
        clo = [t[x] for x in targs(m.group(2))]
        t[dst] = make_function(child, g, clo, tv(m.group(3)) if m.group(3) else None,
                               tv(m.group(4)) if m.group(4) else None)
        if m.group(5):
            t[dst].__annotations__ = tv(m.group(5))
    elif op == 'RAISE':
        if rest.startswith('(re-raise'):
            if vm.handling is None:
                raise RuntimeError("No active exception to reraise")
            raise vm.handling
        m = re.match(r"(t\d+)(?: from (t\d+))?", rest)
        e = tv(m.group(1))
        if isinstance(e, type):
            e = e()
        if m.group(2):
            c = tv(m.group(2))
            raise e from (c() if isinstance(c, type) else c)
        raise e
    elif op == 'FETCH_EXC':
        t[dst] = pending
    elif op == 'EXC_MATCH':
        a, bb = targs(rest)
        ty = t[bb]
        tys = ty if isinstance(ty, tuple) else (ty,)
        for x in tys:
            if not (isinstance(x, type) and issubclass(x, BaseException)):
                raise TypeError("catching classes that do not inherit from BaseException is not allowed")
        t[dst] = isinstance(t[a], ty)
    elif op == 'SET_HANDLING':
        t[dst] = vm.handling
        vm.handling = tv(rest)
    elif op == 'RESTORE_HANDLING':
        vm.handling = tv(rest)
    elif op == 'RERAISE':
        e = tv(rest)
        raise e.with_traceback(e.__traceback__)
    elif op == 'IMPORT_NAME':
        t[dst] = __import__(rest)
    elif op == 'FORMAT_VALUE':
        m = re.match(r"(t\d+)(?: !(.))?(?: spec=(t\d+))?", rest)
        v = tv(m.group(1))
        conv = m.group(2)
        if conv == 's': v = str(v)
        elif conv == 'r': v = repr(v)
        elif conv == 'a': v = ascii(v)
        t[dst] = format(v, tv(m.group(3)) if m.group(3) else '')
    elif op == 'ASSERT_FAIL':
        if rest:
            raise AssertionError(tv(rest))
        raise AssertionError
    else:
        raise SystemError('unknown op ' + op)
    return None


def main():
    import threading
    text = open(sys.argv[1]).read()
    mod = parse_dump(text)
    g = {'__name__': '__main__', '__builtins__': builtins, '__doc__': None, '__annotations__': {}}
    try:
        run(mod, g, [], [])
    except SystemExit:
        raise
    except BaseException as e:
        sys.stdout.flush()
        import os, traceback
        if os.environ.get('TB'): traceback.print_exc()
        msg = str(e)
        name = type(e).__name__
        print(f"{name}: {msg}" if msg else name, file=sys.stderr)
        threading.current_thread().status = 1



if __name__ == '__main__':
    import threading
    sys.setrecursionlimit(60000)  # each IR call is a few Python frames
    threading.stack_size(1 << 29)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
    sys.exit(getattr(worker, 'status', 0))
