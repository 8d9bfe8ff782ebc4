// default_lambdas: arrow functions whose k and m come in as default parameter values.
const fns = [];
for (let k = 0; k < 40; k++) {
  const kk = k, mm = k * k + 1;
  fns.push((x, k = kk, m = mm) => (x * k + m) & 0xffff);
}
let total = 0;
for (let i = 0; i < 240000; i++) for (const f of fns) total += f(i);
console.log(String(total));
