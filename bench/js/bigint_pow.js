// bigint_pow: a closure adds 3n ** n for n in the tens of thousands into a captured BigInt.
function makeSummer() {
  let total = 0n;
  return [(v) => { total += v; }, () => total];
}
const [add, get] = makeSummer();
for (let n = 20000; n < 60000; n += 10) add(3n ** BigInt(n));
const t = get();
const M = 1000000007n;
console.log(`${t % M} ${(t >> 50000n) % M} ${t.toString(2).length}`);
