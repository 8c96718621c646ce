// Issue 17, items 3, 4, 11, 12 and 13 on `bulletin add`, `check` and `parse`: links, FIFOs and
// sockets refused by name; one add at a time per archive; write failures refused, not crashes;
// 著/着 duplicates; control characters escaped on the terminal; what a killed add left cleaned up.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import * as OpenCC from 'opencc-js';
import { Adder, DuplicateIndex } from '../../src/cli/add.ts';
import { LOCK_NAME } from '../../src/fs/archive-lock.ts';
import { ParseCache } from '../../src/cache/parse-cache.ts';
import { cleanUp, CODE_ROOT, listFiles, ROOT, TEXTS, tempArchive } from '../helpers/archive.ts';

const roots: string[] = [];
const children: Array<{ kill(): boolean }> = [];
after(() => {
  children.forEach((c) => c.kill());
  roots.forEach(cleanUp);
});
function archive(name: string) {
  const a = tempArchive(name);
  roots.push(a.root);
  return a;
}

/** Runs the CLI with a short timeout: a command that hangs on a FIFO fails the test instead of the run. */
function cli(cache: string, ...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(CODE_ROOT, 'src/cli/bulletin.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ARCHIVE_PARSE_CACHE: cache },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000, timedOut: result.error !== undefined };
}

/** The same CLI, started without waiting (for two adds at once). */
function cliAsync(cache: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(CODE_ROOT, 'src/cli/bulletin.js'), ...args], {
    cwd: ROOT, env: { ...process.env, ARCHIVE_PARSE_CACHE: cache },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((ok) => child.on('close', (status) => ok({ status, stdout, stderr })));
}

/** A pid no process has: one that has just exited. */
function deadPid(): number {
  return spawnSync('true').pid!;
}

/** A process that stays alive until the tests end. */
function livePid(): number {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

/** Distinct fictional bulletins, one per day of March 2023. */
function bulletinText(day: number): string {
  return `长乐新闻网讯 2023年3月${day}日，区长林测甲主持召开区政府今年第${day}次常务会议，副区长王样乙出席。\n会议强调——\n要抓好第${day}项工作。统筹做好各项工作。\n`;
}

describe('links, FIFOs and sockets are refused by name (issue 17, item 3)', () => {
  test('add refuses a FIFO at once, a link to /etc/passwd and a linked folder, naming each; nothing is written', () => {
    const a = archive('irregular-add');
    spawnSync('mkfifo', [join(a.inbox, 'pipe.txt')]);
    symlinkSync('/etc/passwd', join(a.inbox, 'passwd.txt'));
    const outside = join(a.root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), TEXTS.utf8);
    symlinkSync(outside, join(a.inbox, 'linked'));
    writeFileSync(join(a.inbox, 'good.txt'), TEXTS.gb18030);
    const run = cli(a.cache, 'add', '--content', a.content, a.inbox);
    assert.equal(run.timedOut, false, 'add must not wait on the FIFO');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /refused {2}\S+pipe\.txt: is a FIFO \(named pipe\), not a regular file/);
    assert.match(run.stdout, /refused {2}\S+passwd\.txt: is a symbolic link; links are never followed/);
    assert.match(run.stdout, /refused {2}\S+linked: is a symbolic link/);
    assert.match(run.stdout, /4 file\(s\): 1 added, 0 skipped \(duplicates\), 3 refused/);
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2023/2023-04-12-good.txt']);
    assert.doesNotMatch(readFileSync(join(a.content, 'bulletins/2023/2023-04-12-good.txt'), 'utf8'), /root:/);
  });

  test('a FIFO or a link named as a file is refused too; a socket as well', async () => {
    const a = archive('irregular-named');
    spawnSync('mkfifo', [join(a.inbox, 'pipe.txt')]);
    symlinkSync('/etc/passwd', join(a.inbox, 'passwd.txt'));
    const socket = join(a.inbox, 's.txt');
    const server = createServer();
    await new Promise<void>((ok) => server.listen(socket, ok));
    try {
      const run = cli(a.cache, 'add', '--content', a.content, join(a.inbox, 'pipe.txt'), join(a.inbox, 'passwd.txt'), socket);
      assert.equal(run.timedOut, false);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /pipe\.txt: is a FIFO/);
      assert.match(run.stdout, /passwd\.txt: is a symbolic link/);
      assert.match(run.stdout, /s\.txt: is a socket/);
      assert.deepEqual(listFiles(join(a.content, 'bulletins')), []);
    } finally {
      server.close();
    }
  });

  test('add does not write through a year folder that is a link out of the archive', () => {
    const a = archive('linked-year');
    const outside = join(a.root, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(a.content, 'bulletins', '2023'));
    writeFileSync(join(a.inbox, 'changwu.txt'), TEXTS.utf8);
    const run = cli(a.cache, 'add', '--content', a.content, join(a.inbox, 'changwu.txt'));
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stdout, /refused .*bulletins\/2023 is a symbolic link, not a folder inside the content folder/);
    assert.deepEqual(readdirSync(outside), []);
  });

  test('check refuses a link and a FIFO in the archive by name, at once, and exits 1', () => {
    const a = archive('irregular-check');
    mkdirSync(join(a.content, 'bulletins', '2022'));
    writeFileSync(join(a.content, 'bulletins', '2022', '2022-07-18-good.txt'), TEXTS.utf8.replace('2023年3月5日', '2022年7月18日'));
    symlinkSync('/etc/passwd', join(a.content, 'bulletins', '2022', '2022-07-25-x.txt'));
    spawnSync('mkfifo', [join(a.content, 'bulletins', '2022', '2022-07-26-pipe.txt')]);
    const outside = join(a.root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, '2022-07-27-y.txt'), TEXTS.gb18030);
    symlinkSync(outside, join(a.content, 'bulletins', 'more'));
    const run = cli(a.cache, 'check', '--content', a.content);
    assert.equal(run.timedOut, false, 'check must not wait on the FIFO');
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stdout, /2022-07-25-x\.txt:1:1: error\/not-regular: is a symbolic link/);
    assert.match(run.stdout, /2022-07-26-pipe\.txt:1:1: error\/not-regular: is a FIFO/);
    assert.match(run.stdout, /bulletins\/more:1:1: error\/not-regular: is a symbolic link/);
    assert.match(run.stdout, /checked 1 bulletin\(s\)/);
  });

  test('the content folder itself may be reached through a link', () => {
    const a = archive('linked-content');
    writeFileSync(join(a.inbox, 'changwu.txt'), TEXTS.utf8);
    const link = join(a.root, 'content-link');
    symlinkSync(a.content, link);
    const added = cli(a.cache, 'add', '--content', link, join(a.inbox, 'changwu.txt'));
    assert.equal(added.status, 0, added.stdout + added.stderr);
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2023/2023-03-05-changwu.txt']);
    const checked = cli(a.cache, 'check', '--content', link);
    assert.equal(checked.status, 0, checked.stdout);
    assert.match(checked.stdout, /checked 1 bulletin\(s\)/);
  });

  test('parse refuses a FIFO at once', () => {
    const a = archive('irregular-parse');
    spawnSync('mkfifo', [join(a.inbox, 'pipe.txt')]);
    const run = cli(a.cache, 'parse', '--format', 'summary', join(a.inbox, 'pipe.txt'));
    assert.equal(run.timedOut, false);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /pipe\.txt: is a FIFO/);
  });
});

describe('one add at a time per archive (issue 17, item 4)', () => {
  test('two adds of the same inbox at once file each bulletin once', async () => {
    const a = archive('concurrent');
    for (let day = 1; day <= 30; day++) writeFileSync(join(a.inbox, `changwu-${String(day).padStart(2, '0')}.txt`), bulletinText(day));
    const runs = await Promise.all([cliAsync(a.cache, 'add', '--content', a.content, a.inbox), cliAsync(a.cache, 'add', '--content', a.content, a.inbox)]);
    const stored = listFiles(join(a.content, 'bulletins'));
    assert.equal(stored.length, 30, `${stored.length} files stored:\n${runs.map((r) => r.stdout + r.stderr).join('\n')}`);
    // Each run either found the other's lock, or ran after it and skipped every file as a duplicate.
    for (const run of runs) {
      if (run.status === 1) assert.match(run.stderr, /bulletin add: another add is running \(pid \d+\); wait for it to finish/);
      else assert.equal(run.status, 0, run.stderr);
    }
    assert.equal(existsSync(join(a.content, LOCK_NAME)), false, 'the lock is released');
  });

  test('a live lock stops add with the holder\'s pid; nothing is written', () => {
    const a = archive('locked');
    const pid = livePid();
    writeFileSync(join(a.content, LOCK_NAME), `pid: ${pid}\nhost: ${hostname()}\nsince: 2024-01-01T00:00:00.000Z\n`);
    writeFileSync(join(a.inbox, 'changwu.txt'), TEXTS.utf8);
    const run = cli(a.cache, 'add', '--content', a.content, join(a.inbox, 'changwu.txt'));
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`another add is running \\(pid ${pid}\\); wait for it to finish and run this again \\(if no add is running, delete \\S+${LOCK_NAME.replace('.', '\\.')}\\)`));
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), []);
    // A dry run writes nothing and needs no lock.
    assert.equal(cli(a.cache, 'add', '--dry-run', '--content', a.content, join(a.inbox, 'changwu.txt')).status, 0);
  });

  test('a lock left by a dead add is taken over, and released after', () => {
    const a = archive('stale-lock');
    writeFileSync(join(a.content, LOCK_NAME), `pid: ${deadPid()}\nhost: ${hostname()}\nsince: 2024-01-01T00:00:00.000Z\n`);
    writeFileSync(join(a.inbox, 'changwu.txt'), TEXTS.utf8);
    const run = cli(a.cache, 'add', '--content', a.content, join(a.inbox, 'changwu.txt'));
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2023/2023-03-05-changwu.txt']);
    assert.deepEqual(readdirSync(a.content).filter((n) => n.startsWith('.')), []);
  });
});

describe('add refuses what it cannot write, and finds 著/着 copies (issue 17, item 11)', () => {
  test('a long Chinese file name is filed under a name that fits, with no crash and no temp file left', () => {
    const a = archive('long-name');
    const name = `长乐区${'关于进一步加强防汛工作的会议纪要'.repeat(5)}.txt`;
    writeFileSync(join(a.inbox, name), TEXTS.utf8);
    const run = cli(a.cache, 'add', '--content', a.content, join(a.inbox, name));
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /ENAMETOOLONG|at .*\.ts:\d+/);
    const stored = listFiles(join(a.content, 'bulletins'));
    assert.equal(stored.length, 1);
    assert.match(stored[0]!, /^2023\/2023-03-05-chang-le-qu-guan-yu-[a-z-]+\.txt$/);
    assert.ok(Buffer.byteLength(stored[0]!.split('/')[1]!) <= 100, stored[0]);
    assert.equal(cli(a.cache, 'check', '--content', a.content).status, 0);
  });

  for (const [code, pattern] of [['ENOSPC', /the disk is full \(ENOSPC\); free some space and add it again; nothing was written/], ['ENAMETOOLONG', /the name is too long for the file system \(ENAMETOOLONG\)/]] as const) {
    test(`a write that fails with ${code} is refused, naming the file; nothing is written and the run goes on`, () => {
      const a = archive(`write-${code}`);
      writeFileSync(join(a.inbox, 'changwu.txt'), TEXTS.utf8);
      writeFileSync(join(a.inbox, 'dangzu.txt'), TEXTS.gb18030);
      let failures = 1;
      const hooks = { afterTemp: () => {
        if (failures-- > 0) throw Object.assign(new Error(`${code}: write failed`), { code });
      } };
      const adder = new Adder({ contentDir: a.content, hooks }, DuplicateIndex.load(a.content, new ParseCache(undefined)));
      const first = adder.add(join(a.inbox, 'changwu.txt'));
      assert.equal(first.status, 'refused');
      assert.match(first.reason!, new RegExp(`^cannot write \\S+2023-03-05-changwu\\.txt: `));
      assert.match(first.reason!, pattern);
      assert.deepEqual(listFiles(join(a.content, 'bulletins')), []);
      assert.equal(adder.add(join(a.inbox, 'dangzu.txt')).status, 'added');
      assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2023/2023-04-12-dangzu.txt']);
    });
  }

  const TRADITIONAL = `長樂新聞網訊 2023年5月20日，區長林測甲主持召開防汛工作領導小組會議。
會議強調——
隨著汛期到來，要做好防汛準備，緊盯著重點部位。落實各項措施。
（記者 周測丁）
`;
  const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });

  test('a Simplified copy made with opencc tw→cn (著 → 着) is skipped as a duplicate, either way round', () => {
    const simplified = twToCn(TRADITIONAL);
    assert.match(simplified, /随着/);
    for (const [first, second] of [[TRADITIONAL, simplified], [simplified, TRADITIONAL]]) {
      const a = archive('variants');
      writeFileSync(join(a.inbox, 'first.txt'), first!);
      writeFileSync(join(a.inbox, 'second.txt'), second!);
      assert.equal(cli(a.cache, 'add', '--content', a.content, join(a.inbox, 'first.txt')).status, 0);
      const run = cli(a.cache, 'add', '--content', a.content, join(a.inbox, 'second.txt'));
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /skipped {2}\S+second\.txt: duplicate of \S+2023-05-20-first\.txt \(the same text, in either script\)/);
      assert.deepEqual(listFiles(join(a.content, 'bulletins')), ['2023/2023-05-20-first.txt']);
    }
  });
});

describe('control characters are escaped on the terminal (issue 17, item 12)', () => {
  const HOSTILE = `---
title: "標題 \\e]0;pwned\\a 清屏 \\e[2J \\u202e末"
---
${TEXTS.utf8}`;

  test('add --dry-run and parse --format summary print no raw ESC, BEL or bidi override, from a title or a file name', () => {
    const a = archive('escapes');
    const name = 'a\x1b[31mred.txt';
    writeFileSync(join(a.inbox, name), HOSTILE);
    const runs = [
      cli(a.cache, 'add', '--dry-run', '--content', a.content, a.inbox),
      cli(a.cache, 'parse', '--format', 'summary', join(a.inbox, name)),
      cli(a.cache, 'parse', join(a.inbox, name)),
    ];
    for (const run of runs) {
      assert.equal(run.status, 0, run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, /[\x07\x1b\u202e]/);
    }
    assert.match(runs[0]!.stdout, /← \S+a\\x1b\[31mred\.txt/);
    assert.match(runs[0]!.stdout, /標題 \\x1b\]0;pwned\\x07 清屏 \\x1b\[2J \\u202e末/);
    assert.match(runs[1]!.stdout, /標題 \\x1b\]0;pwned\\x07 清屏 \\x1b\[2J \\u202e末/);
    assert.equal((JSON.parse(runs[2]!.stdout) as Array<{ title: string }>)[0]!.title, '標題 \x1b]0;pwned\x07 清屏 \x1b[2J \u202e末');
  });

  test('a refusal naming a file with control characters is escaped too', () => {
    const a = archive('escapes-refused');
    const name = 'bad\x1b]0;x\x07.txt';
    writeFileSync(join(a.inbox, name), 'no bulletin here');
    const run = cli(a.cache, 'add', '--content', a.content, join(a.inbox, name));
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stdout + run.stderr, /[\x07\x1b]/);
    assert.match(run.stdout, /refused {2}\S+bad\\x1b\]0;x\\x07\.txt/);
  });
});

describe('what a killed add left is cleaned up by the next one (issue 17, item 13)', () => {
  test("a dead add's hidden temp file is deleted; a live writer's is left alone", () => {
    const a = archive('litter');
    mkdirSync(join(a.content, 'bulletins', '2023'));
    const dead = join(a.content, 'bulletins', '2023', `.2023-03-01-x.txt.${deadPid()}.0a1b2c3d.tmp`);
    const live = join(a.content, 'bulletins', '2023', `.2023-03-02-y.txt.${livePid()}.0a1b2c3d.tmp`);
    const lockTemp = join(a.content, `${LOCK_NAME}.${deadPid()}.0a1b2c3d.tmp`);
    for (const file of [dead, live, lockTemp]) writeFileSync(file, 'half a bulletin');
    writeFileSync(join(a.inbox, 'changwu.txt'), TEXTS.utf8);
    const run = cli(a.cache, 'add', '--content', a.content, join(a.inbox, 'changwu.txt'));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(existsSync(dead), false, 'the dead add\'s temp file is gone');
    assert.equal(existsSync(lockTemp), false);
    assert.equal(existsSync(live), true, 'a live writer\'s temp file stays');
  });
});
