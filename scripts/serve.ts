// Serves the built site on 127.0.0.1 (PORT, default 8080). Usage: node scripts/run.mjs scripts/serve.ts [--dir _site] [--port N]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { env, site } from '../src/config.ts';
import { serveStatic } from '../src/dev/static-server.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    dir: { type: 'string', default: env.outDir },
    port: { type: 'string', default: env.port },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
if (!existsSync(values.dir!)) {
  console.error(`serve: ${values.dir} does not exist; run npm run build first`);
  process.exit(1);
}
const { url } = await serveStatic(values.dir!, { host: values.host, port: Number(values.port), prefix: site.pathPrefix, hosts: [site.baseUrl] });
console.log(`serving ${values.dir} at ${url} (Ctrl-C to stop)`);
