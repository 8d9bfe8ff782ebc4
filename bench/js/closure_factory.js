// closure_factory: 2.5 million closures, each called twice as soon as it is made.
function makeAffine(a, b) {
  return function affine(x) { return (a * x + b) % 1000003; };
}
const N = 2500000;
let total = 0;
for (let i = 0; i < N; i++) {
  const f = makeAffine((i % 97) + 1, i);
  total += f(7) + f(i & 1023);
}
console.log(String(total));
