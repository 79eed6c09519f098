process.argv = [process.argv[0], 'x', process.argv[2], process.argv[3]];
const write = process.stdout.write.bind(process.stdout);
let out = '';
process.stdout.write = (chunk) => { out += chunk; return true; };
process.on('exit', () => {
  const r = JSON.parse(out);
  const rules = Object.entries(r.ruleTimes).filter(([k]) => k.startsWith('aws-lambda/'));
  write(`rules total ${rules.reduce((a, [, v]) => a + v, 0).toFixed(0)} | ${rules.map(([k, v]) => k.slice(11) + ' ' + v.toFixed(0)).join(', ')}\nphases ${Object.entries(globalThis.__phase ?? {}).map(([k, v]) => k + ' ' + v.toFixed(0)).join(', ')}\n`);
});
await import('./measure.js');
