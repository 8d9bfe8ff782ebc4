// memo_dict: a memoising decorator over a Map, on Collatz chain lengths.
function memoize(fn) {
  const cache = new Map();
  function wrapper(n) {
    const c = cache.get(n);
    if (c !== undefined) return c;
    const r = fn(n);
    cache.set(n, r);
    return r;
  }
  wrapper.cache = cache;
  return wrapper;
}
const collatz = memoize(function (n) {
  if (n === 1) return 1;
  if (n % 2 === 0) return 1 + collatz(n / 2);
  return 1 + collatz(3 * n + 1);
});
let best = 0, bestN = 0, total = 0;
for (let n = 1; n < 1000000; n++) {
  const c = collatz(n);
  total += c;
  if (c > best) { best = c; bestN = n; }
}
console.log(`${bestN} ${best} ${total} ${collatz.cache.size}`);
