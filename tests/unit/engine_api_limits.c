/* Limits for untrusted scripts and VMs as resources: the memory limit reached, the step budget
 * exceeded (and refilled), interrupts from another thread, 1,000 VMs created and destroyed in
 * bounded memory, VMs running on several threads at once and a VM moving between threads. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cellar.h"

static cellar_vm *limited(size_t memory, int64_t steps, bool interruptible)
{
    cellar_config c;
    cellar_config_init(&c);
    c.memory_limit = memory;
    c.step_budget = steps;
    c.interruptible = interruptible;
    cellar_vm *vm = cellar_vm_new(&c);
    cr_assert_not_null(vm);
    return vm;
}

static cellar_status run(cellar_vm *vm, const char *source)
{
    return cellar_exec_string(vm, source, strlen(source), "<limits>");
}

/* ---- memory ---- */

Test(limits, memory_limit_reached)
{
    size_t base = 0;
    cellar_vm *probe = cellar_vm_new(NULL);
    cellar_collect(probe);
    base = cellar_heap_bytes(probe);
    cellar_vm_free(probe);
    size_t limit = base + (64u << 20);
    cellar_vm *vm = limited(limit, 0, false);
    cr_assert_eq(run(vm, "hoard = []\nwhile True:\n    hoard.append('x' * 10000)\n"),
                 CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "MemoryError");
    cr_expect(strstr(cellar_error_message(vm), "memory limit of") != NULL, "%s",
              cellar_error_message(vm));
    cellar_collect(vm);
    /* within one safepoint interval the loop allocates some 10 MiB (1,024 strings of 10 KB) */
    cr_expect(cellar_heap_bytes(vm) < limit + (32u << 20), "overshoot is bounded: %zu over %zu",
              cellar_heap_bytes(vm), limit);
    /* the VM stays usable: drop the hoard and carry on */
    cr_assert_eq(run(vm, "hoard = None\n"), CELLAR_OK, "%s", cellar_error_report(vm));
    cellar_collect(vm);
    cr_assert_eq(run(vm, "s = 0\nfor i in range(100000):\n    s += i\n"), CELLAR_OK,
                 "%s", cellar_error_report(vm));
    cellar_vm_free(vm);
}

Test(limits, memory_limit_in_a_function_can_be_caught)
{
    cellar_vm *probe = cellar_vm_new(NULL);
    cellar_collect(probe);
    size_t limit = cellar_heap_bytes(probe) + (48u << 20);
    cellar_vm_free(probe);
    cellar_vm *vm = limited(limit, 0, false);
    const char *src = "def grow():\n"
                      "    acc = []\n"
                      "    while True:\n"
                      "        acc.append([0] * 1000)\n"
                      "try:\n"
                      "    grow()\n"
                      "except MemoryError:\n"
                      "    print_ok = True\n";
    cr_assert_eq(run(vm, src), CELLAR_OK, "%s", cellar_error_report(vm));
    cellar_vm_free(vm);
}

/* ---- steps ---- */

Test(limits, step_budget_exceeded)
{
    cellar_vm *vm = limited(0, 100000, false);
    cr_assert_eq(run(vm, "def spin():\n    while True:\n        pass\n"), CELLAR_OK);
    cr_assert_eq(run(vm, "spin()"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "StepBudgetExceeded");
    cr_expect(strstr(cellar_error_report(vm), "in spin\n") != NULL, "%s", cellar_error_report(vm));
    cr_expect_eq(cellar_steps_left(vm), 0);
    /* nothing runs until the host refills */
    cr_expect_eq(run(vm, "def f():\n    return 1\nf()\n"), CELLAR_RUNTIME_ERROR);
    cr_assert_eq(cellar_set_step_budget(vm, 1000), CELLAR_OK);
    cr_expect_eq(run(vm, "x = 1"), CELLAR_OK, "%s", cellar_error_report(vm));
    cellar_vm_free(vm);
}

Test(limits, the_budget_cannot_be_swallowed)
{
    cellar_vm *vm = limited(0, 50000, false);
    const char *src = "n = 0\n"
                      "while True:\n"
                      "    try:\n"
                      "        while True:\n"
                      "            n += 1\n"
                      "    except Exception:\n"
                      "        pass\n"
                      "    except:\n"
                      "        n = -1\n";
    cr_assert_eq(run(vm, src), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "StepBudgetExceeded");
    cellar_vm_free(vm);
}

Test(limits, the_budget_counts_steps_exactly)
{
    cellar_vm *vm = limited(0, 1000000, false);
    cr_assert_eq(run(vm, "def f():\n    return 1\n"), CELLAR_OK);
    int64_t before = cellar_steps_left(vm);
    cr_assert_eq(run(vm, "for i in range(10):\n    f()\n"), CELLAR_OK);
    int64_t used = before - cellar_steps_left(vm);
    /* module entry, 11 loop-header visits, 10 function entries */
    cr_expect(used >= 20 && used <= 24, "used %lld", (long long)used);
    cellar_vm *unlimited = cellar_vm_new(NULL);
    cr_expect_eq(cellar_set_step_budget(unlimited, 5), CELLAR_API_ERROR);
    cellar_vm_free(unlimited);
    cellar_vm_free(vm);
}

Test(limits, recursion_counts_too)
{
    cellar_vm *vm = limited(0, 20000, false);
    cr_assert_eq(run(vm, "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"), CELLAR_OK);
    cr_assert_eq(run(vm, "fib(30)"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "StepBudgetExceeded");
    cellar_vm_free(vm);
}

typedef int64_t (*fn_l_l)(int64_t);

Test(limits, typed_entry_points_count_steps)
{
    cellar_vm *vm = limited(0, 10000, false);
    cr_assert_eq(run(vm, "def spin(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\n"),
                 CELLAR_OK);
    cellar_value f;
    cr_assert_eq(cellar_get_global(vm, "spin", &f), CELLAR_OK);
    cellar_native_fn p;
    cr_assert_eq(cellar_typed_entry(vm, f, "(int64) -> int64", &p), CELLAR_OK);
    fn_l_l spin = (fn_l_l)p;
    cr_expect_eq(spin(100), 100);
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
    cr_expect_eq(spin(1000000), 0);
    cr_expect_str_eq(cellar_error_type(vm), "StepBudgetExceeded");
    cellar_vm_free(vm);
}

/* ---- interrupts ---- */

static void *interrupt_later(void *arg)
{
    struct timespec t = {0, 100 * 1000 * 1000};
    nanosleep(&t, NULL);
    cellar_interrupt(arg);
    return NULL;
}

Test(limits, interrupt_from_another_thread)
{
    cellar_vm *vm = limited(0, 0, true);
    pthread_t thread;
    cr_assert_eq(pthread_create(&thread, NULL, interrupt_later, vm), 0);
    cr_assert_eq(run(vm, "def spin():\n    while True:\n        pass\nspin()\n"), CELLAR_RUNTIME_ERROR);
    pthread_join(thread, NULL);
    cr_expect_str_eq(cellar_error_type(vm), "KeyboardInterrupt");
    cr_expect(strstr(cellar_error_report(vm), "in spin\n") != NULL);
    cr_expect_eq(run(vm, "x = 1"), CELLAR_OK, "one interrupt raises once");
    cr_expect_eq(cellar_steps_left(vm), INT64_MAX);
    cellar_vm_free(vm);
}

static cellar_vm *signalled;
static void on_alarm(int sig)
{
    (void)sig;
    cellar_interrupt(signalled);
}

Test(limits, interrupt_from_a_signal_handler)
{
    cellar_vm *vm = signalled = limited(0, 0, true);
    signal(SIGALRM, on_alarm);
    alarm(1);
    cr_assert_eq(run(vm, "n = 0\nwhile True:\n    n += 1\n"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "KeyboardInterrupt");
    cellar_vm_free(vm);
}

/* ---- VMs as resources ---- */

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void use_a_vm(void)
{
    cellar_vm *vm = cellar_vm_new(NULL);
    cr_assert_not_null(vm);
    cellar_status s = run(vm, "def f(n):\n    return [i * i for i in range(n)]\nx = f(100)\n");
    cr_assert_eq(s, CELLAR_OK);
    cellar_value h;
    cr_assert_eq(cellar_get_global(vm, "x", &h), CELLAR_OK); /* left for cellar_vm_free */
    cellar_vm_free(vm);
}

Test(limits, a_thousand_vms_in_bounded_memory, .timeout = 600)
{
    for (int i = 0; i < 100; i++)
        use_a_vm();
    cellar_vm *probe = cellar_vm_new(NULL);
    cellar_collect(probe);
    cellar_vm_free(probe);
    long warm = rss_kib();
    for (int i = 0; i < 1000; i++)
        use_a_vm();
    probe = cellar_vm_new(NULL);
    cellar_collect(probe);
    cellar_vm_free(probe);
    long after = rss_kib();
    fprintf(stderr, "RSS after 100 VMs: %ld KiB, after 1,100: %ld KiB\n", warm, after);
    cr_expect(after - warm < 64 * 1024, "RSS grew by %ld KiB over 1,000 VMs", after - warm);
}

static void *thread_body(void *arg)
{
    int id = (int)(intptr_t)arg;
    cellar_vm *vm = cellar_vm_new(NULL);
    if (!vm)
        return (void *)1;
    char src[256];
    snprintf(src, sizeof src,
             "def work(n):\n    acc = []\n    for i in range(n):\n        acc.append(str(i * %d))\n"
             "    return len(''.join(acc))\nresult = 0\nfor k in range(30):\n    result += work(2000)\n",
             id + 1);
    intptr_t bad = cellar_exec_string(vm, src, strlen(src), NULL) != CELLAR_OK;
    cellar_value r;
    int64_t n = 0;
    bad |= cellar_get_global(vm, "result", &r) != CELLAR_OK || cellar_to_int(vm, r, &n) != CELLAR_OK;
    bad |= n <= 0;
    cellar_vm_free(vm);
    return (void *)bad;
}

Test(limits, one_vm_per_thread, .timeout = 300)
{
    cellar_vm *main_vm = cellar_vm_new(NULL); /* the collector starts on the main thread */
    enum { THREADS = 4 };
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++)
        cr_assert_eq(pthread_create(&threads[i], NULL, thread_body, (void *)(intptr_t)i), 0);
    cr_assert_eq(run(main_vm, "x = [str(i) for i in range(100000)]\n"), CELLAR_OK);
    for (int i = 0; i < THREADS; i++) {
        void *bad = NULL;
        pthread_join(threads[i], &bad);
        cr_expect_null(bad, "thread %d", i);
    }
    cellar_vm_free(main_vm);
}

static void *use_moved_vm(void *arg)
{
    cellar_vm *vm = arg;
    cellar_thread_attach();
    intptr_t bad = run(vm, "moved = [i for i in range(50000)]\ndef deep(n):\n    return 0 if n == 0 else deep(n - 1)\ndeep(500)\n") != CELLAR_OK;
    cellar_thread_detach();
    return (void *)bad;
}

Test(limits, a_vm_moves_between_threads)
{
    cellar_vm *vm = cellar_vm_new(NULL);
    cr_assert_eq(run(vm, "before = 1\n"), CELLAR_OK);
    pthread_t thread;
    cr_assert_eq(pthread_create(&thread, NULL, use_moved_vm, vm), 0);
    void *bad = NULL;
    pthread_join(thread, &bad);
    cr_expect_null(bad);
    cr_assert_eq(run(vm, "print_len = len(moved)\n"), CELLAR_OK, "%s", cellar_error_report(vm));
    cellar_vm_free(vm);
}
