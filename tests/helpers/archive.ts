// Shared by the editor tests: fictional bulletins, temp archives, and the `bulletin` CLI run as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CODE_ROOT, ROOT } from '../../src/paths.ts';

export { CODE_ROOT, ROOT };

/** Fictional bulletins (names 林測甲, 王样乙 …), each a different text; Big5 one in Traditional. */
export const TEXTS = {
  utf8: `长乐新闻网讯 2023年3月5日，区长林测甲主持召开区政府今年第3次常务会议，副区长王样乙出席。
会议强调——
要抓好春耕生产。统筹做好各项工作。
要加强安全管理。确保不出问题。
会议审议《测试办法》。
（记者 周测丁）
`,
  gb18030: `长乐新闻网讯 2023年4月12日，区委书记王样乙主持召开区委党组会议。
会议要求——
要加强学习。把各项任务落到实处。
要改进作风。深入基层调查研究。
（通讯员 赵样戊）
`,
  big5: `長樂新聞網訊 2023年5月20日，區長林測甲主持召開防汛工作領導小組會議。
會議強調——
要做好防汛準備。落實各項措施。
要加強值班值守。確保信息暢通。
（記者 周測丁）
`,
  utf16: `长乐新闻网讯 2023年6月8日，区长林测甲主持召开专题会议，研究项目建设工作。
会议强调——
要推进项目建设。加快工程进度。
要强化要素保障。解决实际困难。
（记者 周测丁）
`,
};

/** A fresh temp folder with an empty archive (content/bulletins/), and a parse cache of its own. */
export function tempArchive(name: string): { root: string; content: string; cache: string; inbox: string } {
  const root = mkdtempSync(join(tmpdir(), `archive-editor-${name}-`));
  const content = join(root, 'content');
  mkdirSync(join(content, 'bulletins'), { recursive: true });
  mkdirSync(join(root, 'inbox'));
  return { root, content, cache: join(root, 'cache'), inbox: join(root, 'inbox') };
}

export function cleanUp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the compiled src/cli/bulletin.ts with ARGS (what `npm run -s bulletin -- ARGS` runs) with its own parse cache. */
export function bulletin(cache: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [join(CODE_ROOT, 'src/cli/bulletin.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ARCHIVE_PARSE_CACHE: cache },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `npm run -s bulletin -- ARGS`, exactly as the README says. */
export function npmBulletin(cache: string, ...args: string[]): Run {
  const result = spawnSync('npm', ['run', '-s', 'bulletin', '--', ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ARCHIVE_PARSE_CACHE: cache },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below dir (hidden ones too), relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath?: string; path?: string }>)
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? d.path!, d.name)))
    .sort();
}
