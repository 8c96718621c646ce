// npm start / npm run dev: builds the archive, serves it on 127.0.0.1 with live reload, and rebuilds
// when anything in the content folder changes. Prints "rebuilt in 1.23 s (…)" after each rebuild.
// Usage: node scripts/run.mjs scripts/dev.ts [--content DIR] [--out DIR] [--port N] [--host 127.0.0.1]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { env, site } from '../src/config.ts';
import { type DevOptions, DevServer, startDevServer } from '../src/dev/dev-server.ts';

export { DevServer, startDevServer, type DevOptions };

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: 'string', default: env.contentDir },
        out: { type: 'string', default: env.outDir },
        port: { type: 'string', default: env.port },
        host: { type: 'string', default: '127.0.0.1' },
      },
    }));
  } catch (error) {
    console.error(`dev: ${(error as Error).message}\nusage: node scripts/run.mjs scripts/dev.ts [--content DIR] [--out DIR] [--port N] [--host 127.0.0.1]`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`dev: --port must be a port number (0 for any free one), not '${values.port}'`);
    return 2;
  }
  const server = await startDevServer({ contentDir: values.content!, outDir: values.out!, port, host: values.host!, prefix: site.pathPrefix, hosts: [site.baseUrl] });
  console.log(`serving ${values.out} at ${server.url} with live reload; watching ${values.content}/ (Ctrl-C to stop)`);
  await new Promise<void>((ok) => {
    const stop = () => ok();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
