/* logging: the root logger and named loggers with levels, basicConfig (stderr or a file in
 * append/write mode, a format in any of the three styles: %, { and $), the module-level
 * debug ... critical functions and CPython's quirk that the first of them configures the root
 * logger implicitly. */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "format.h"
#include "function.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

enum { NOTSET = 0, DEBUG = 10, INFO = 20, WARNING = 30, ERROR = 40, CRITICAL = 50 };

static const char *const default_format = "%(levelname)s:%(name)s:%(message)s";

typedef struct handler {
    rt_object base;
    rt_value filename; /* str, or 0 for stderr */
    rt_value format;   /* str */
    char style;        /* '%', '{' or '$': printf, str.format or string.Template fields */
} handler;

typedef struct logger {
    rt_object base;
    rt_value name;
    int level; /* NOTSET: inherit the root's */
    bool root;
    rt_value handlers; /* list of handler (the root's only) */
    rt_value loggers;  /* root only: dict name -> logger */
} logger;

extern const rt_type logging_logger_type, logging_handler_type;

static logger *as_logger(rt_value v) { return (logger *)rt_as_object(v); }

static logger *root_logger(rt_vm *vm)
{
    rt_value m = rt_dict_get_str(vm->modules, rt_str_intern(vm, "logging"));
    rt_value r =
        m ? rt_dict_get_str(((rt_module *)rt_as_object(m))->dict, rt_str_intern(vm, "root")) : 0;
    return r ? as_logger(r) : NULL;
}

static const char *level_name(int level, char *buf, size_t size)
{
    switch (level) {
    case CRITICAL: return "CRITICAL";
    case ERROR: return "ERROR";
    case WARNING: return "WARNING";
    case INFO: return "INFO";
    case DEBUG: return "DEBUG";
    case NOTSET: return "NOTSET";
    default: snprintf(buf, size, "Level %d", level); return buf;
    }
}

/* ---- formatting a record ---- */

static rt_value record_message(rt_vm *vm, rt_value msg, rt_value args)
{
    rt_value text = rt_str(vm, msg);
    if (text == 0 || rt_as_tuple(args)->size == 0)
        return text;
    rt_value a = args;
    if (rt_as_tuple(args)->size == 1 && rt_is_type(rt_as_tuple(args)->items[0], &rt_dict_type) &&
        rt_dict_size(rt_as_tuple(args)->items[0]) > 0)
        a = rt_as_tuple(args)->items[0]; /* logging.info('%(x)s', {'x': 1}) */
    return rt_binary_op(vm, RT_MOD, text, a);
}

static rt_value format_asctime(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    time_t secs = tv.tv_sec;
    localtime_r(&secs, &tm);
    char buf[64];
    size_t n = strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    snprintf(buf + n, sizeof buf - n, ",%03d", (int)(tv.tv_usec / 1000));
    return rt_str_from_cstr(buf);
}

/* The LogRecord attributes a format string may name. */
static rt_value record_dict(rt_vm *vm, logger *lg, int level, rt_value message)
{
    rt_value d = rt_dict_new();
    char buf[32];
    rt_frame *f = vm->frame;
    rt_code *code = f && f->function ? f->function->code : NULL;
    const char *path = code ? rt_str_data(code->filename) : "<unknown>";
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t module_len = strlen(base) > 3 && strcmp(base + strlen(base) - 3, ".py") == 0
                            ? strlen(base) - 3
                            : strlen(base);
    rt_dict_set_str(vm, d, "name", lg->name);
    rt_dict_set_str(vm, d, "levelname", rt_str_from_cstr(level_name(level, buf, sizeof buf)));
    rt_dict_set_str(vm, d, "levelno", rt_small_int(level));
    rt_dict_set_str(vm, d, "message", message);
    rt_dict_set_str(vm, d, "pathname", rt_str_from_cstr(path));
    rt_dict_set_str(vm, d, "filename", rt_str_from_cstr(base));
    rt_dict_set_str(vm, d, "module", rt_str_new(base, module_len));
    rt_dict_set_str(vm, d, "funcName", code ? code->name : rt_str_from_cstr("<module>"));
    rt_dict_set_str(vm, d, "lineno", rt_small_int(f ? f->line : 0));
    rt_dict_set_str(vm, d, "process", rt_small_int(0));
    rt_dict_set_str(vm, d, "thread", rt_small_int(0));
    rt_dict_set_str(vm, d, "threadName", rt_str_from_cstr("MainThread"));
    rt_dict_set_str(vm, d, "processName", rt_str_from_cstr("MainProcess"));
    return d;
}

/* Applies "%(key)<spec><conv>" fields one at a time with str % value. */
static rt_value apply_format(rt_vm *vm, rt_value format, rt_value record)
{
    rt_strbuf out;
    rt_strbuf_init(&out);
    const char *p = rt_str_data(format);
    while (*p) {
        if (p[0] == '%' && p[1] == '%') {
            rt_strbuf_append_char(&out, '%');
            p += 2;
            continue;
        }
        const char *close = p[0] == '%' && p[1] == '(' ? strchr(p, ')') : NULL;
        if (close == NULL) {
            rt_strbuf_append_char(&out, *p++);
            continue;
        }
        rt_value key = rt_str_new(p + 2, (size_t)(close - p - 2));
        const char *conv = close + 1;
        while (*conv && strchr("-+ #0123456789.", *conv))
            conv++;
        if (*conv == '\0')
            return rt_raise_msg(vm, &rt_value_error_type, "incomplete format");
        rt_value value =
            rt_str_equal_cstr(key, "asctime") ? format_asctime() : rt_dict_get_str(record, key);
        if (value == 0)
            return rt_raise_format(vm, &rt_key_error_type, "%U", key);
        rt_strbuf spec;
        rt_strbuf_init(&spec);
        rt_strbuf_append_char(&spec, '%');
        rt_strbuf_append(&spec, close + 1, (size_t)(conv - close));
        rt_value piece = rt_binary_op(vm, RT_MOD, rt_strbuf_finish(&spec), rt_tuple_pack(1, value));
        if (piece == 0)
            return 0;
        rt_strbuf_append(&out, rt_str_data(piece), (size_t)rt_str_size(piece));
        p = conv + 1;
    }
    return rt_strbuf_finish(&out);
}

/* StrFormatStyle: str.format with the record's attributes, asctime when the format names it. */
static rt_value brace_format(rt_vm *vm, rt_value format, rt_value record)
{
    if (strstr(rt_str_data(format), "{asctime") != NULL)
        rt_dict_set_str(vm, record, "asctime", format_asctime());
    return rt_str_format_mapping(vm, format, record);
}

static bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of the identifier at p (string.Template's [_a-z][_a-z0-9]*, ASCII). */
static size_t identifier_length(const char *p)
{
    size_t n = 0;
    while (p[n] == '_' || ascii_letter(p[n]) || (n > 0 && ascii_digit(p[n])))
        n++;
    return n;
}

/* The field of a string.Template placeholder at p ("$name" or "${name}"): its name's start
 * and length, and the placeholder's length; 0 for "$$" or a bare '$'. */
static size_t template_field(const char *p, const char **name, size_t *len)
{
    bool braced = p[1] == '{';
    *name = p + 1 + braced;
    *len = identifier_length(*name);
    if (*len == 0 || (braced && (*name)[*len] != '}'))
        return 0;
    return 1 + *len + 2 * braced;
}

/* StringTemplateStyle: Template(format).substitute(record), values as str(). */
static rt_value template_format(rt_vm *vm, rt_value format, rt_value record)
{
    const char *f = rt_str_data(format);
    if (strstr(f, "$asctime") != NULL || strstr(f, "${asctime}") != NULL)
        rt_dict_set_str(vm, record, "asctime", format_asctime());
    rt_strbuf out;
    rt_strbuf_init(&out);
    for (const char *p = f; *p;) {
        const char *name;
        size_t len, n = *p == '$' ? template_field(p, &name, &len) : 0;
        if (n == 0) {
            rt_strbuf_append_char(&out, *p);
            p += *p == '$' && p[1] == '$' ? 2 : 1; /* validation rejected bare '$' */
            continue;
        }
        rt_value key = rt_str_new(name, len);
        rt_value value = rt_dict_get_str(record, key);
        if (value == 0)
            return rt_raise_value(vm, rt_new_exception(vm, &rt_key_error_type,
                                                       rt_tuple_pack(1, key)));
        rt_value text = rt_str(vm, value);
        if (text == 0)
            return 0;
        rt_strbuf_append(&out, rt_str_data(text), (size_t)rt_str_size(text));
        p += n;
    }
    return rt_strbuf_finish(&out);
}

static rt_value format_record(rt_vm *vm, handler *h, rt_value record)
{
    if (h->style == '{')
        return brace_format(vm, h->format, record);
    if (h->style == '$')
        return template_format(vm, h->format, record);
    return apply_format(vm, h->format, record);
}

static void emit(rt_vm *vm, handler *h, rt_value line)
{
    if (h->filename == 0) {
        rt_write_err(vm, rt_str_data(line), (size_t)rt_str_size(line));
        rt_write_err(vm, "\n", 1);
        return;
    }
    FILE *f = fopen(rt_str_data(h->filename), "a");
    if (f == NULL)
        return;
    fwrite(rt_str_data(line), 1, (size_t)rt_str_size(line), f);
    fputc('\n', f);
    fclose(f);
}

/* CPython's Handler.handleError: report on stderr and carry on. */
static void report_error(rt_vm *vm, rt_value msg, rt_value args)
{
    rt_value exc = vm->pending;
    vm->pending = 0;
    rt_value text = rt_format_exception(vm, exc);
    rt_value tail = rt_str_printf(vm, "Message: %R\nArguments: %R\n", msg, args);
    vm->pending = 0;
    rt_write_err(vm, "--- Logging error ---\n", 22);
    if (text)
        rt_write_err(vm, rt_str_data(text), (size_t)rt_str_size(text));
    if (tail)
        rt_write_err(vm, rt_str_data(tail), (size_t)rt_str_size(tail));
}

/* ---- configuration ---- */

/* PercentStyle's validation_pattern: %\(\w+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]
 * matching at p. */
static bool percent_field_at(const char *p)
{
    if (p[0] != '%' || p[1] != '(')
        return false;
    size_t n = 2;
    while (p[n] == '_' || ascii_letter(p[n]) || ascii_digit(p[n]))
        n++;
    if (n == 2 || p[n++] != ')')
        return false;
    n += strspn(p + n, "#0+ -");
    n += p[n] == '*' ? 1 : strspn(p + n, "0123456789");
    if (p[n] == '.')
        n += 1 + (p[n + 1] == '*' ? 1 : strspn(p + n + 1, "0123456789"));
    return p[n] != '\0' && strchr("diouxefgcrsa%", p[n]) != NULL;
}

/* StrFormatStyle.validate, for its commonest failures: no field, or a conversion other than
 * !r, !s and !a (*conversion set to it). */
static const char *brace_format_error(const char *f, char *conversion)
{
    bool fields = false;
    for (const char *p = f; *p; p++) {
        if (*p != '{' || p[1] == '{') {
            p += *p == '{';
            continue;
        }
        const char *end = strchr(p, '}');
        if (end == NULL)
            return "expected '}' before end of string";
        const char *bang = memchr(p, '!', (size_t)(end - p));
        if (bang && bang + 2 == end && !strchr("rsa", bang[1])) {
            *conversion = bang[1];
            return "invalid conversion: '%c'";
        }
        fields |= p[1] != '}' && p[1] != '!' && p[1] != ':';
        p = end;
    }
    return fields ? NULL : "no fields";
}

/* StringTemplateStyle.validate: a field, and no bare '$'. */
static const char *template_format_error(const char *f)
{
    bool fields = false;
    for (const char *p = strchr(f, '$'); p != NULL; p = strchr(p, '$')) {
        const char *name;
        size_t len, n = template_field(p, &name, &len);
        if (n == 0 && p[1] != '$')
            return "bare '$' not allowed";
        fields |= n > 0;
        p += n > 0 ? n : 2;
    }
    return fields ? NULL : "no fields";
}

/* Formatter(fmt, style=...): the style must be one of the three and the format must suit it. */
static bool check_style(rt_vm *vm, rt_value style, rt_value format, char *out)
{
    const char *s = style && rt_is_type(style, &rt_str_type) ? rt_str_data(style) : "";
    if (style != 0 && (strlen(s) != 1 || strchr("%{$", s[0]) == NULL)) {
        rt_raise_msg(vm, &rt_value_error_type, "Style must be one of: %,{,$");
        return false;
    }
    *out = style ? s[0] : '%';
    const char *f = rt_str_data(format), *error = NULL;
    if (*out == '%') {
        const char *p = strchr(f, '%');
        while (p != NULL && !percent_field_at(p))
            p = strchr(p + 1, '%');
        if (p == NULL) {
            rt_raise_format(vm, &rt_value_error_type, "Invalid format '%s' for '%%' style", f);
            return false;
        }
        return true;
    }
    char conversion = 0;
    error = *out == '{' ? brace_format_error(f, &conversion) : template_format_error(f);
    if (error == NULL)
        return true;
    rt_value detail = rt_str_printf(vm, error, conversion);
    if (detail != 0)
        rt_raise_format(vm, &rt_value_error_type, "invalid format: %U", detail);
    return false;
}

/* basicConfig's default format for each style. */
static rt_value style_default_format(rt_value style)
{
    const char *s = style && rt_is_type(style, &rt_str_type) ? rt_str_data(style) : "%";
    if (strcmp(s, "{") == 0)
        return rt_str_from_cstr("{levelname}:{name}:{message}");
    if (strcmp(s, "$") == 0)
        return rt_str_from_cstr("${levelname}:${name}:${message}");
    return rt_str_from_cstr(default_format);
}

static bool add_handler(rt_vm *vm, logger *root, rt_value filename, rt_value mode, rt_value fmt,
                        rt_value style)
{
    handler *h = rt_alloc(sizeof *h, &logging_handler_type);
    h->filename = filename;
    h->format = fmt ? fmt : style_default_format(style);
    h->style = '%';
    if (filename != 0) {
        const char *m = mode ? rt_str_data(mode) : "a";
        FILE *f = fopen(rt_str_data(filename), m[0] == 'w' ? "w" : "a");
        if (f == NULL) {
            rt_value args = rt_tuple_pack(3, rt_small_int(2),
                                          rt_str_from_cstr("No such file or directory"), filename);
            rt_raise_value(vm, rt_new_exception(vm, &rt_file_not_found_error_type, args));
            return false;
        }
        fclose(f);
    }
    /* CPython opens (and with filemode 'w' truncates) the file before checking the format */
    if ((fmt || style) && !check_style(vm, style, h->format, &h->style))
        return false;
    return rt_list_append(vm, root->handlers, rt_from_object(h)) == 0;
}

/* level=20 or level='INFO' */
static bool parse_level(rt_vm *vm, rt_value v, int *out)
{
    if (rt_is_small_int(v)) {
        *out = (int)rt_small_int_value(v);
        return true;
    }
    if (rt_is_type(v, &rt_str_type)) {
        static const struct {
            const char *name;
            int level;
        } names[] = {{"CRITICAL", CRITICAL}, {"FATAL", CRITICAL}, {"ERROR", ERROR},
                     {"WARNING", WARNING},   {"WARN", WARNING},   {"INFO", INFO},
                     {"DEBUG", DEBUG},       {"NOTSET", NOTSET},  {NULL, 0}};
        for (int i = 0; names[i].name; i++)
            if (rt_str_equal_cstr(v, names[i].name)) {
                *out = names[i].level;
                return true;
            }
        rt_raise_format(vm, &rt_value_error_type, "Unknown level: %R", v);
        return false;
    }
    rt_raise_format(vm, &rt_type_error_type, "Level not an integer or a valid string: %R", v);
    return false;
}

static rt_value logging_basic_config(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                     rt_value kwnames)
{
    (void)self;
    if (nargs > 0)
        return rt_raise_format(vm, &rt_type_error_type,
                               "basicConfig() takes 0 positional arguments but %zu were given",
                               nargs);
    const rt_value *kw = args + nargs;
    logger *root = root_logger(vm);
    rt_value force = rt_kwarg(kwnames, kw, "force");
    if (force != 0 && rt_truthy(vm, force) == 1)
        root->handlers = rt_list_new(0);
    if (rt_as_list(root->handlers)->size > 0)
        return RT_NONE; /* already configured: CPython ignores the call */
    rt_value level = rt_kwarg(kwnames, kw, "level");
    int lv;
    if (level != 0 && !parse_level(vm, level, &lv))
        return 0;
    if (!add_handler(vm, root, rt_kwarg(kwnames, kw, "filename"), rt_kwarg(kwnames, kw, "filemode"),
                     rt_kwarg(kwnames, kw, "format"), rt_kwarg(kwnames, kw, "style")))
        return 0;
    if (level != 0)
        root->level = lv;
    return RT_NONE;
}

/* ---- logging a message ---- */

static int effective_level(rt_vm *vm, logger *lg)
{
    if (lg->level != NOTSET || lg->root)
        return lg->level;
    logger *root = root_logger(vm);
    return root ? root->level : WARNING;
}

/* The handled exception's traceback text without its final newline (logging.exception). */
static rt_value exception_text(rt_vm *vm)
{
    if (vm->handling == 0)
        return rt_str_from_cstr("NoneType: None");
    rt_value tb = rt_format_exception(vm, vm->handling);
    if (tb == 0 || rt_str_size(tb) == 0)
        return 0;
    size_t n = (size_t)rt_str_size(tb);
    return rt_str_new(rt_str_data(tb), rt_str_data(tb)[n - 1] == '\n' ? n - 1 : n);
}

static rt_value log_at(rt_vm *vm, logger *lg, int level, size_t nargs, const rt_value *args,
                       bool with_exception)
{
    logger *root = root_logger(vm);
    if (nargs < 1)
        return rt_raise_msg(vm, &rt_type_error_type, "missing required argument: 'msg'");
    if (level < effective_level(vm, lg))
        return RT_NONE;
    rt_value msg = args[0], margs = rt_tuple_from_array(vm, nargs - 1, args + 1);
    rt_value message = record_message(vm, msg, margs);
    rt_value exc_text = message && with_exception ? exception_text(vm) : 0;
    for (int64_t i = 0; message && i < rt_as_list(root->handlers)->size; i++) {
        handler *h = (handler *)rt_as_object(rt_as_list(root->handlers)->items[i]);
        rt_value line = format_record(vm, h, record_dict(vm, lg, level, message));
        if (line == 0)
            break;
        if (exc_text != 0) /* Formatter.format: the traceback follows the formatted line */
            line = rt_str_printf(vm, "%U\n%U", line, exc_text);
        emit(vm, h, line);
    }
    if (vm->pending)
        report_error(vm, msg, margs);
    return RT_NONE;
}

/* The module-level functions configure the root logger first if nothing has. */
static rt_value module_log(rt_vm *vm, int level, size_t nargs, const rt_value *args,
                           rt_value kwnames, bool with_exception)
{
    (void)kwnames;
    logger *root = root_logger(vm);
    if (rt_as_list(root->handlers)->size == 0 && !add_handler(vm, root, 0, 0, 0, 0))
        return 0;
    return log_at(vm, root, level, nargs, args, with_exception);
}

static rt_value logging_debug(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)self;
    return module_log(vm, DEBUG, nargs, args, kwnames, false);
}

static rt_value logging_info(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)self;
    return module_log(vm, INFO, nargs, args, kwnames, false);
}

static rt_value logging_warning(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)self;
    return module_log(vm, WARNING, nargs, args, kwnames, false);
}

static rt_value logging_error(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    (void)self;
    return module_log(vm, ERROR, nargs, args, kwnames, false);
}

static rt_value logging_exception(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                  rt_value kwnames)
{
    (void)self;
    return module_log(vm, ERROR, nargs, args, kwnames, true);
}

static rt_value logging_critical(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    (void)self;
    return module_log(vm, CRITICAL, nargs, args, kwnames, false);
}

static rt_value logging_log(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)self;
    int level;
    if (nargs < 1)
        return rt_raise_msg(vm, &rt_type_error_type, "log() missing required argument 'level'");
    if (!rt_is_small_int(args[0]))
        return rt_raise_msg(vm, &rt_type_error_type, "level must be an integer");
    level = (int)rt_small_int_value(args[0]);
    return module_log(vm, level, nargs - 1, args + 1, kwnames, false);
}

/* ---- Logger objects ---- */

static rt_value logger_repr(rt_vm *vm, rt_value self)
{
    logger *lg = as_logger(self);
    char buf[32];
    return rt_str_printf(vm, "<%s %U (%s)>", lg->root ? "RootLogger" : "Logger", lg->name,
                         level_name(effective_level(vm, lg), buf, sizeof buf));
}

static rt_value logger_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    logger *lg = as_logger(self);
    (void)vm;
    if (rt_str_equal_cstr(name, "name"))
        return lg->name;
    if (rt_str_equal_cstr(name, "level"))
        return rt_small_int(lg->level);
    if (rt_str_equal_cstr(name, "handlers"))
        return lg->root ? lg->handlers : rt_list_new(0);
    return 0;
}

static rt_value logger_method(rt_vm *vm, rt_value self, int level, size_t nargs,
                              const rt_value *args, bool with_exception)
{
    logger *root = root_logger(vm);
    if (rt_as_list(root->handlers)->size == 0) {
        /* CPython's last resort: the bare message on stderr, WARNING and above */
        if (nargs >= 1 && level >= WARNING && level >= effective_level(vm, as_logger(self))) {
            rt_value m = record_message(vm, args[0], rt_tuple_from_array(vm, nargs - 1, args + 1));
            if (m == 0)
                return 0;
            rt_write_err(vm, rt_str_data(m), (size_t)rt_str_size(m));
            rt_write_err(vm, "\n", 1);
        }
        return RT_NONE;
    }
    return log_at(vm, as_logger(self), level, nargs, args, with_exception);
}

static rt_value logger_debug(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)kwnames;
    return logger_method(vm, self, DEBUG, nargs, args, false);
}

static rt_value logger_info(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    (void)kwnames;
    return logger_method(vm, self, INFO, nargs, args, false);
}

static rt_value logger_warning(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    (void)kwnames;
    return logger_method(vm, self, WARNING, nargs, args, false);
}

static rt_value logger_error(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    (void)kwnames;
    return logger_method(vm, self, ERROR, nargs, args, false);
}

static rt_value logger_exception(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    (void)kwnames;
    return logger_method(vm, self, ERROR, nargs, args, true);
}

static rt_value logger_critical(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    (void)kwnames;
    return logger_method(vm, self, CRITICAL, nargs, args, false);
}

static rt_value logger_set_level(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    int level;
    if (!rt_check_args(vm, "setLevel", nargs, kwnames, 1, 1) || !parse_level(vm, args[0], &level))
        return 0;
    as_logger(self)->level = level;
    return RT_NONE;
}

static rt_value logger_is_enabled_for(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                      rt_value kwnames)
{
    if (!rt_check_args(vm, "isEnabledFor", nargs, kwnames, 1, 1))
        return 0;
    if (!rt_is_small_int(args[0]))
        return rt_raise_msg(vm, &rt_type_error_type, "level must be an integer");
    return rt_bool(rt_small_int_value(args[0]) >= effective_level(vm, as_logger(self)));
}

static rt_value logger_get_effective_level(rt_vm *vm, rt_value self, size_t nargs,
                                           const rt_value *args, rt_value kwnames)
{
    (void)args;
    if (!rt_check_args(vm, "getEffectiveLevel", nargs, kwnames, 0, 0))
        return 0;
    return rt_small_int(effective_level(vm, as_logger(self)));
}

static const rt_method logger_methods[] = {
    {"debug", logger_debug, NULL},
    {"info", logger_info, NULL},
    {"warning", logger_warning, NULL},
    {"warn", logger_warning, NULL},
    {"error", logger_error, NULL},
    {"exception", logger_exception, NULL},
    {"critical", logger_critical, NULL},
    {"fatal", logger_critical, NULL},
    {"setLevel", logger_set_level, NULL},
    {"isEnabledFor", logger_is_enabled_for, NULL},
    {"getEffectiveLevel", logger_get_effective_level, NULL},
    {NULL, NULL, NULL},
};

const rt_type logging_logger_type = {
    .base = {&rt_type_type},
    .name = "logging.Logger",
    .base_type = &rt_object_type,
    .repr = logger_repr,
    .hash = rt_identity_hash,
    .getattr = logger_getattr,
    .methods = logger_methods,
};

const rt_type logging_handler_type = {
    .base = {&rt_type_type},
    .name = "logging.Handler",
    .base_type = &rt_object_type,
    .hash = rt_identity_hash,
};

static rt_value new_logger(rt_value name, int level, bool root)
{
    logger *lg = rt_alloc(sizeof *lg, &logging_logger_type);
    lg->name = name;
    lg->level = level;
    lg->root = root;
    lg->handlers = rt_list_new(0);
    lg->loggers = rt_dict_new();
    return rt_from_object(lg);
}

static rt_value logging_get_logger(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                   rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "getLogger", nargs, kwnames, 0, 1))
        return 0;
    logger *root = root_logger(vm);
    if (nargs == 0 || args[0] == RT_NONE ||
        (rt_is_type(args[0], &rt_str_type) && rt_str_equal_cstr(args[0], "root")))
        return rt_from_object(root);
    if (!rt_is_type(args[0], &rt_str_type))
        return rt_raise_msg(vm, &rt_type_error_type, "A logger name must be a string");
    rt_value lg = rt_dict_get_str(root->loggers, args[0]);
    if (lg == 0 &&
        rt_dict_set(vm, root->loggers, args[0], lg = new_logger(args[0], NOTSET, false)) < 0)
        return 0;
    return lg;
}

static rt_value logging_get_level_name(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                       rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "getLevelName", nargs, kwnames, 1, 1))
        return 0;
    char buf[32];
    if (rt_is_small_int(args[0]))
        return rt_str_from_cstr(level_name((int)rt_small_int_value(args[0]), buf, sizeof buf));
    int level;
    if (rt_is_type(args[0], &rt_str_type)) {
        if (parse_level(vm, args[0], &level))
            return rt_small_int(level);
        vm->pending = 0;
    }
    return rt_str_printf(vm, "Level %S", args[0]);
}

rt_value rt_logging_module_new(rt_vm *vm)
{
    rt_value m = rt_module_new(vm, "logging");
    static const struct {
        const char *name;
        int level;
    } levels[] = {{"CRITICAL", CRITICAL}, {"FATAL", CRITICAL}, {"ERROR", ERROR},
                  {"WARNING", WARNING},   {"WARN", WARNING},   {"INFO", INFO},
                  {"DEBUG", DEBUG},       {"NOTSET", NOTSET},  {NULL, 0}};
    for (int i = 0; levels[i].name; i++)
        rt_module_set(vm, m, levels[i].name, rt_small_int(levels[i].level));
    static const struct {
        const char *name;
        rt_cfunc fn;
    } fns[] = {{"basicConfig", logging_basic_config},
               {"debug", logging_debug},
               {"info", logging_info},
               {"warning", logging_warning},
               {"warn", logging_warning},
               {"error", logging_error},
               {"exception", logging_exception},
               {"critical", logging_critical},
               {"fatal", logging_critical},
               {"log", logging_log},
               {"getLogger", logging_get_logger},
               {"getLevelName", logging_get_level_name},
               {NULL, NULL}};
    for (int i = 0; fns[i].name; i++)
        rt_module_def(vm, m, fns[i].name, fns[i].fn);
    rt_module_set(vm, m, "root", new_logger(rt_str_intern(vm, "root"), WARNING, true));
    rt_module_set(vm, m, "BASIC_FORMAT", rt_str_from_cstr(default_format));
    return m;
}
