/* Parse benchmark driver: times parse_module alone and parse_module + scope_analyze over one
 * program, each run in a fresh arena, and prints the median of the runs in milliseconds.
 * Usage: parse_bench FILE [RUNS] (bench/parse/run.sh builds and runs it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "parser.h"
#include "scope.h"

enum { DEFAULT_RUNS = 15, MAX_RUNS = 1000 };

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare_doubles);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One timed run; false (after printing the error) when the program does not compile. */
static bool run_once(const char *src, size_t len, bool with_scopes, double *ms)
{
    arena a;
    arena_init(&a);
    diag d = {0};
    double start = now_ms();
    ast_module *m = parse_module(&a, src, len, &d);
    bool ok = m && (!with_scopes || scope_analyze(&a, m, &d));
    *ms = now_ms() - start;
    if (!ok)
        fprintf(stderr, "parse_bench: %s: %s at line %d\n", d.kind, d.message, d.line);
    arena_free(&a);
    return ok;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: parse_bench FILE [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : DEFAULT_RUNS;
    if (runs < 1 || runs > MAX_RUNS)
        runs = DEFAULT_RUNS;
    size_t len;
    char *src = read_all(argv[1], &len);
    if (!src) {
        perror(argv[1]);
        return 2;
    }
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += src[i] == '\n';
    double parse[MAX_RUNS], both[MAX_RUNS], warm;
    if (!run_once(src, len, true, &warm)) /* warm caches and the allocator; checks it compiles */
        return 1;
    for (int i = 0; i < runs; i++)
        if (!run_once(src, len, false, &parse[i]) || !run_once(src, len, true, &both[i]))
            return 1;
    double p = median(parse, runs), b = median(both, runs);
    printf("%d lines, %zu bytes, median of %d runs\n", lines, len, runs);
    printf("parse:          %8.2f ms\n", p);
    printf("parse + scopes: %8.2f ms (scopes %.2f ms)\n", b, b - p);
    free(src);
    return 0;
}
