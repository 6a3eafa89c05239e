import { readFileSync } from 'node:fs';

/**
 * Where a V8 CPU profile (`node --cpu-prof`, e.g. from `npm run bench -- --profile --only feed`)
 * spent its time: self time by package, by function, and who called the top functions.
 *
 *   node dist-bench/bench/profile-summary.js <file.cpuprofile> [functions=25]
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function main() {
  const [file, count = '25'] = process.argv.slice(2);
  if (!file) throw new Error('usage: node dist-bench/bench/profile-summary.js <file.cpuprofile> [functions]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const busy = [...selfTime].filter(([id]) => nodes.get(id)!.callFrame.functionName !== '(idle)');
  const total = busy.reduce((sum, [, time]) => sum + time, 0);

  const sum = (key: (frame: CallFrame) => string) => {
    const totals = new Map<string, number>();
    for (const [id, time] of busy) totals.set(key(nodes.get(id)!.callFrame), (totals.get(key(nodes.get(id)!.callFrame)) ?? 0) + time);
    return [...totals].sort((a, b) => b[1] - a[1]);
  };
  const line = ([name, time]: [string, number]) =>
    `${(time / 1000).toFixed(0).padStart(8)} ms ${((100 * time) / total).toFixed(1).padStart(5)}%  ${name}`;

  console.log(`busy ${(total / 1000).toFixed(0)} ms (idle left out)\n\nby package:`);
  for (const entry of sum((frame) => packageOf(frame)).slice(0, 20)) console.log(line(entry));
  const functions = sum((frame) => `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`).slice(
    0,
    Number(count),
  );
  console.log('\nby function (self time):');
  for (const entry of functions) console.log(line(entry));

  // Inclusive time (self plus callees) of every function on the stack, each counted once a sample:
  // what a layer (a hook, a resolver, the ORM) costs with everything it calls.
  const inclusive = new Map<string, number>();
  for (const [id, time] of busy) {
    const seen = new Set<string>();
    for (let at: number | undefined = id, depth = 0; at !== undefined && depth < 500; at = parents.get(at), depth++) {
      const frame = nodes.get(at)!.callFrame;
      if (!frame.url) continue;
      const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + time);
    }
  }
  console.log('\nby function, inclusive (node internals left out):');
  for (const entry of [...inclusive]
    .filter(([name]) => !/ node:/.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(count)))
    console.log(line(entry));

  console.log('\ncallers of the top 5 functions:');
  for (const [name] of functions.slice(0, 5)) {
    const callers = new Map<string, number>();
    for (const [id, time] of busy) {
      const frame = nodes.get(id)!.callFrame;
      if (`${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}` !== name) continue;
      const chain: string[] = [];
      // Four levels up is enough to tell one caller from another; bounded, whatever the stack.
      for (let parent = parents.get(id), depth = 0; parent !== undefined && depth < 4; parent = parents.get(parent), depth++) {
        const caller = nodes.get(parent)!.callFrame;
        chain.push(`${caller.functionName || '(anonymous)'} ${shortUrl(caller.url)}:${caller.lineNumber + 1}`);
      }
      callers.set(chain.join(' < '), (callers.get(chain.join(' < ')) ?? 0) + time);
    }
    console.log(`  ${name}`);
    for (const entry of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`    ${line(entry)}`);
  }
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\//, '')
    .replace(/.*\/dist-bench\//, '');
}

/** The npm package, or Lectern's own folder, or the runtime's part (GC, natives, node internals). */
function packageOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const inModules = frame.url.split('/node_modules/').pop()!;
  if (inModules !== frame.url)
    return inModules
      .split('/')
      .slice(0, inModules.startsWith('@') ? 2 : 1)
      .join('/');
  if (frame.url.startsWith('node:')) return frame.url.split('/').slice(0, 2).join('/');
  return shortUrl(frame.url).split('/').slice(0, 2).join('/');
}

main();
