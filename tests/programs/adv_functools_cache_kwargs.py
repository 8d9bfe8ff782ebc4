# functools.cache with keyword arguments, cache_clear, and caches per decorated function.
import functools

log = []

@functools.cache
def area(w, h=1, *, unit="m"):
    log.append((w, h, unit))
    return str(w * h) + unit

print(area(2, 3), area(2, 3), area(2, h=3), area(w=2, h=3), area(2, 3, unit="m"))
print(len(log), area.cache_info())
area.cache_clear()
print(area.cache_info(), area(2, 3), len(log))

def make_cached(scale):
    @functools.cache
    def scaled(x):
        log.append(("scaled", scale, x))
        return x * scale
    return scaled

s2, s3 = make_cached(2), make_cached(3)
print(s2(5), s3(5), s2(5), s3(5))
print(s2.cache_info(), s3.cache_info(), s2 is s3)
print(s2.__qualname__, s2.__wrapped__.__qualname__, s2.__wrapped__(1))
print(s2.cache_info())
counter = functools.cache(lambda n: log.append(n) or len(log))
print(counter(10), counter(10), counter(11), counter.__name__)
