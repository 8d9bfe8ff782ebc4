// decorated_fib: recursive fib under a counting decorator whose wrapper forwards ...args
// (JavaScript has no keyword arguments).
const counters = {};
function counting(fn) {
  let calls = 0;
  function wrapper(...args) { calls += 1; return fn(...args); }
  counters[fn.name] = () => calls;
  return wrapper;
}
// The global binding `fib` is rebound to the wrapper, as the decorator does, so the recursion
// goes through it.
let fib = function (n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
};
fib = counting(fib);
console.log(`${fib(32)} ${counters.fib()}`);
