// How long until a bulletin added to a running dev server's archive is served. The page appears
// with the swap that also brings its lists and its year's search index, so its page answering 200
// is the moment all three are live. Starts the dev server (in this process) on a content folder,
// waits for the first build, then K times: writes a new bulletin (write + rename, as `bulletin add`
// does), polls its page every 20 ms until 200, then removes it and waits for that rebuild.
// Usage: node scripts/run.mjs src/bench/dev-add.ts --content DIR [--out DIR] [--runs 3]
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBulletin } from '../parser/index.ts';
import { DevServer } from '../dev/dev-server.ts';
import { bulletinUrl } from '../archive/urls.ts';
import { generateCorpus } from '../corpus/corpus.ts';
import { median } from './stats.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' }, runs: { type: 'string', default: '3' } } });
if (!values.content) throw new Error('usage: node scripts/run.mjs src/bench/dev-add.ts --content DIR [--out DIR] [--runs 3]');
const content = values.content;
const out = values.out ?? `${content.replace(/\/$/, '')}-dev-site`;
const runs = Number(values.runs);

const server = new DevServer({ contentDir: content, outDir: out, port: 0, log: (line) => console.error(`  dev: ${line}`) });
const t0 = performance.now();
await server.start();
console.error(`first build: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const served: number[] = [];
const built: number[] = [];
try {
  for (let r = 0; r < runs; r++) {
    const file = generateCorpus({ n: 1, seed: 1000 + r }).next().value!;
    const year = file.path.split('/')[0]!;
    const name = `${basename(file.path, '.txt')}-dev-added-${r}.txt`;
    const url = new URL(bulletinUrl(parseBulletin(Buffer.from(file.text), `${year}/${name}`)).slice(1), server.url).href;
    const target = join(content, 'bulletins', year, name);
    mkdirSync(join(content, 'bulletins', year), { recursive: true });
    const start = performance.now();
    writeFileSync(`${target}.tmp`, file.text);
    renameSync(`${target}.tmp`, target);
    for (;;) {
      const res = await fetch(url).catch(() => undefined);
      const ok = res?.status === 200;
      await res?.arrayBuffer().catch(() => undefined);
      if (ok) break;
      await new Promise((done) => setTimeout(done, 20));
    }
    served.push((performance.now() - start) / 1000);
    await server.idle();
    built.push(server.last?.seconds ?? Number.NaN);
    console.error(`run ${r + 1}: page served after ${served.at(-1)!.toFixed(2)} s (rebuild ${built.at(-1)!.toFixed(2)} s: ${server.last?.result?.plan.mode}, ${server.last?.result?.plan.items} items)`);
    rmSync(target);
    await new Promise((done) => setTimeout(done, 300));
    await server.idle();
  }
} finally {
  await server.close();
}
console.log(JSON.stringify({ content, runs, servedSeconds: served, medianServedSeconds: median(served), rebuildSeconds: built, load: readFileSync('/proc/loadavg', 'utf8').trim() }));
