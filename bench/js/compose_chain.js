// compose_chain: a chain of 24 composed lambdas.
const compose = (f, g) => (x) => f(g(x));
function inc(x) { return x + 1; }
function dbl(x) { return (x * 2) % 1000003; }
let chain = (x) => x;
for (let i = 0; i < 24; i++) chain = compose(chain, i % 2 ? inc : dbl);
let total = 0;
for (let i = 0; i < 700000; i++) total += chain(i);
console.log(String(total));
