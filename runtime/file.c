/* open() and text file objects: read/readline/readlines/write/close, line iteration and the
 * context-manager methods, over C stdio. Enough for programs that write a file and read it
 * back (the logging programs do). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "exception.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

typedef struct file {
    rt_object base;
    FILE *fp; /* NULL once closed */
    rt_value name, mode;
    bool readable, writable;
} file;

extern const rt_type rt_file_type;

static file *as_file(rt_value v) { return (file *)rt_as_object(v); }

static rt_value raise_os_error(rt_vm *vm, int err, rt_value filename)
{
    const rt_type *t = err == ENOENT   ? &rt_file_not_found_error_type
                       : err == EACCES ? &rt_permission_error_type
                       : err == EISDIR ? &rt_is_a_directory_error_type
                                       : &rt_os_error_type;
    rt_value args = rt_tuple_pack(3, rt_small_int(err), rt_str_from_cstr(strerror(err)), filename);
    return rt_raise_value(vm, rt_new_exception(vm, t, args));
}

static bool check_open(rt_vm *vm, file *f, bool want_read)
{
    if (f->fp == NULL) {
        rt_raise_msg(vm, &rt_value_error_type, "I/O operation on closed file.");
        return false;
    }
    if (want_read ? !f->readable : !f->writable) {
        rt_raise_msg(vm, &rt_os_error_type, want_read ? "not readable" : "not writable");
        return false;
    }
    return true;
}

/* One line including its '\n', or the empty str at the end. */
static rt_value read_line(file *f)
{
    rt_strbuf b;
    rt_strbuf_init(&b);
    int c;
    while ((c = fgetc(f->fp)) != EOF) {
        rt_strbuf_append_char(&b, (char)c);
        if (c == '\n')
            break;
    }
    return rt_strbuf_finish(&b);
}

static rt_value file_read(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    file *f = as_file(self);
    if (!rt_check_args(vm, "read", nargs, kwnames, 0, 1) || !check_open(vm, f, true))
        return 0;
    int64_t limit = -1;
    if (nargs == 1 && args[0] != RT_NONE && !rt_int_to_int64(args[0], &limit))
        return rt_raise_msg(vm, &rt_type_error_type, "argument should be integer or None");
    rt_strbuf b;
    rt_strbuf_init(&b);
    int c;
    for (int64_t n = 0; (limit < 0 || n < limit) && (c = fgetc(f->fp)) != EOF; n++)
        rt_strbuf_append_char(&b, (char)c);
    return rt_strbuf_finish(&b);
}

static rt_value file_readline(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)args;
    file *f = as_file(self);
    if (!rt_check_args(vm, "readline", nargs, kwnames, 0, 1) || !check_open(vm, f, true))
        return 0;
    return read_line(f);
}

static rt_value file_readlines(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    (void)args;
    file *f = as_file(self);
    if (!rt_check_args(vm, "readlines", nargs, kwnames, 0, 1) || !check_open(vm, f, true))
        return 0;
    rt_value lines = rt_list_new(0);
    rt_value line;
    while (rt_str_size(line = read_line(f)) > 0)
        if (rt_list_append(vm, lines, line) < 0)
            return 0;
    return lines;
}

static rt_value file_write(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    file *f = as_file(self);
    if (!rt_check_args(vm, "write", nargs, kwnames, 1, 1) || !check_open(vm, f, false))
        return 0;
    if (!rt_is_type(args[0], &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type, "write() argument must be str, not %T",
                               args[0]);
    fwrite(rt_str_data(args[0]), 1, (size_t)rt_str_size(args[0]), f->fp);
    return rt_int_from_int64(rt_as_str(args[0])->length);
}

static rt_value file_close(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)args;
    file *f = as_file(self);
    if (!rt_check_args(vm, "close", nargs, kwnames, 0, 0))
        return 0;
    if (f->fp != NULL)
        fclose(f->fp);
    f->fp = NULL;
    return RT_NONE;
}

static rt_value file_flush(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)args;
    file *f = as_file(self);
    if (!rt_check_args(vm, "flush", nargs, kwnames, 0, 0))
        return 0;
    if (f->fp != NULL)
        fflush(f->fp);
    return RT_NONE;
}

static rt_value file_enter(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)args;
    if (!rt_check_args(vm, "__enter__", nargs, kwnames, 0, 0))
        return 0;
    return as_file(self)->fp
               ? self
               : rt_raise_msg(vm, &rt_value_error_type, "I/O operation on closed file.");
}

static rt_value file_exit(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    (void)nargs;
    return file_close(vm, self, 0, args, kwnames) ? RT_FALSE : 0;
}

static const rt_method file_methods[] = {
    {"read", file_read, NULL},
    {"readline", file_readline, NULL},
    {"readlines", file_readlines, NULL},
    {"write", file_write, NULL},
    {"close", file_close, NULL},
    {"flush", file_flush, NULL},
    {"__enter__", file_enter, NULL},
    {"__exit__", file_exit, NULL},
    {NULL, NULL, NULL},
};

static rt_value file_next(rt_vm *vm, rt_value self)
{
    file *f = as_file(self);
    if (!check_open(vm, f, true))
        return 0;
    rt_value line = read_line(f);
    return rt_str_size(line) == 0 ? RT_ITER_DONE : line;
}

static rt_value file_iter(rt_vm *vm, rt_value self)
{
    return check_open(vm, as_file(self), true) ? self : 0;
}

static rt_value file_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    (void)vm;
    file *f = as_file(self);
    if (rt_str_equal_cstr(name, "name"))
        return f->name;
    if (rt_str_equal_cstr(name, "mode"))
        return f->mode;
    if (rt_str_equal_cstr(name, "closed"))
        return rt_bool(f->fp == NULL);
    return 0;
}

static rt_value file_repr(rt_vm *vm, rt_value self)
{
    file *f = as_file(self);
    return rt_str_printf(vm, "<_io.TextIOWrapper name=%R mode=%R encoding='UTF-8'>", f->name,
                         f->mode);
}

const rt_type rt_file_type = {
    .base = {&rt_type_type},
    .name = "_io.TextIOWrapper",
    .base_type = &rt_object_type,
    .repr = file_repr,
    .hash = rt_identity_hash,
    .iter = file_iter,
    .next = file_next,
    .getattr = file_getattr,
    .methods = file_methods,
};

/* open(file, mode='r', encoding=None, ...): text modes r, w, a, x and their '+' forms. */
rt_value rt_builtin_open(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    (void)self;
    const rt_value *kw = args + nargs;
    rt_value name = nargs > 0 ? args[0] : rt_kwarg(kwnames, kw, "file");
    rt_value mode = nargs > 1 ? args[1] : rt_kwarg(kwnames, kw, "mode");
    if (name == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "open() missing required argument 'file' (pos 1)");
    if (!rt_is_type(name, &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "expected str, bytes or os.PathLike object, not %T", name);
    if (mode == 0)
        mode = rt_str_from_cstr("r");
    const char *m = rt_str_data(mode);
    if (strchr(m, 'b') != NULL)
        return rt_raise_msg(vm, &rt_not_implemented_error_type, "binary files are not supported");
    char c = m[0];
    if (c != 'r' && c != 'w' && c != 'a' && c != 'x')
        return rt_raise_format(vm, &rt_value_error_type, "invalid mode: '%s'", m);
    bool plus = strchr(m, '+') != NULL;
    char cmode[4] = {c == 'x' ? 'w' : c, plus ? '+' : '\0', '\0', '\0'};
    if (c == 'x')
        cmode[plus ? 2 : 1] = 'x'; /* glibc's exclusive-create flag */
    FILE *fp = fopen(rt_str_data(name), cmode);
    if (fp == NULL)
        return raise_os_error(vm, errno, name);
    file *f = rt_alloc(sizeof *f, &rt_file_type);
    f->fp = fp;
    f->name = name;
    f->mode = mode;
    f->readable = c == 'r' || plus;
    f->writable = c != 'r' || plus;
    return rt_from_object(f);
}
