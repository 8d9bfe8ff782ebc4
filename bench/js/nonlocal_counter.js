// nonlocal_counter: a counter in a captured `let`, called ten million times.
function makeCounter() {
  let count = 0;
  const step = (k) => { count += k; return count; };
  const get = () => count;
  return [step, get];
}
const [step, get] = makeCounter();
const N = 10000000;
for (let i = 0; i < N; i++) step(i & 3);
console.log(String(get()));
