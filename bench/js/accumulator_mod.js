// accumulator_mod: accumulators over captured `let`s with modular arithmetic (all values stay
// below 2**53, and the XOR operands below 2**31).
function makeAcc(mod, mult) {
  let total = 0;
  return function add(x) { total = (total * mult + x * x) % mod; return total; };
}
const accs = [makeAcc(1000003, 131), makeAcc(998244353, 31), makeAcc(1000000007, 257)];
let check = 0;
for (let i = 0; i < 2500000; i++) for (const acc of accs) check ^= acc(i);
console.log(`${check} ${accs[0](0)} ${accs[1](0)} ${accs[2](0)}`);
