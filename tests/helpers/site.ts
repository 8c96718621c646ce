// Shared by the site tests: a temp content folder (the seed plus fictional bulletins), a build of it
// into a temp output folder, and a file walker. Tests never touch content/ or _site/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CODE_ROOT, ROOT } from '../../src/paths.ts';

export { CODE_ROOT, ROOT };
export const SEED = join(ROOT, 'content/bulletins/2022/2022-07-18-changle-dangzu-changwu-huiyi.txt');
export const SEED_URL = '/2022/07/18/changle-dangzu-changwu-huiyi/';

/** Fictional bulletins (names 林測甲, 王样乙 …), both scripts, three years, several meeting kinds. */
export const FIXTURES: Record<string, string> = {
  '2021/2021-03-05-lin-ce-jia-changwu.txt': `長樂新聞網訊 3月5日，區長林測甲主持召開區政府今年第3次常務會議，副區長陳測乙出席。
會議強調——
要抓好春耕生產。統籌做好各項工作。
要加強安全管理。確保不出問題。
會議審議《測試辦法》。
（記者 周測丁）
`,
  // Its front matter sets a computed field: a warning for the report, not a failure.
  '2021/2021-12-30-wang-yang-yi-quanti.txt': `---
readings: []
---
長樂新聞網訊 12月30日，區委書記王樣乙主持召開區委全體會議。
會議要求——
要做好年終工作。確保各項任務完成。
（記者 周測丁）
`,
  '2022/2022-07-18-lin-ce-jia-lingdao.txt': `长乐新闻网讯 7月18日，区长林测甲主持召开防汛工作领导小组会议。
会议强调——
要做好防汛准备。落实各项措施。
（通讯员 赵样戊）
`,
  '2023/2023-11-02-wang-yang-yi-dangzu.txt': `---
title: "<img src=x onerror=alert(1)>测试标题 <b>粗</b>"
---
长乐新闻网讯 11月2日，区委书记王样乙主持召开区委党组会议。
会议要求——
要加强学习。<script>alert(1)</script> 还有 </script> 以及 <img src=x onerror=alert(1)> 都是文字。
（通讯员 赵样戊）
`,
  '2023/2023-11-20-lin-ce-jia-zhuanti.txt': `长乐新闻网讯 11月20日，区长林测甲主持召开专题会议。
会议强调——
要推进项目建设。加快进度。
（记者 周测丁）
`,
};

export const XSS_URL = '/2023/11/02/wang-yang-yi-dangzu/';

export const REDIRECTS = `- from: /2022/07/18/old-name/
  to: ${SEED_URL}
- from: /2020/01/02/removed/
  withdrawn: 2023-05-01
  title: 已撤下的測試公報
  note: 應當事人要求撤下。
`;

/** Writes a content folder: the seed, the fixtures and a redirects file. */
export function writeContent(dir: string): string {
  mkdirSync(join(dir, 'bulletins/2022'), { recursive: true });
  copyFileSync(SEED, join(dir, 'bulletins/2022', '2022-07-18-changle-dangzu-changwu-huiyi.txt'));
  for (const [name, text] of Object.entries(FIXTURES)) {
    mkdirSync(dirname(join(dir, 'bulletins', name)), { recursive: true });
    writeFileSync(join(dir, 'bulletins', name), text);
  }
  writeFileSync(join(dir, 'redirects.yml'), REDIRECTS);
  return dir;
}

/**
 * Runs scripts/build.ts as `npm run build` does (its compiled copy, through scripts/run.mjs), with
 * --content and --out.
 */
export function runBuild(contentDir: string, outDir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/run.mjs'), join(ROOT, 'scripts/build.ts'), '--content', contentDir, '--out', outDir], {
    cwd: ROOT, encoding: 'utf8', timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temp folder; remove it with cleanUp. */
export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `archive-${name}-`));
}

export function cleanUp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Builds the fixture content into a temp folder; throws with the build's output if it fails. */
export function buildFixtureSite(name: string): { root: string; content: string; out: string; stdout: string } {
  const root = tempDir(name);
  const content = writeContent(join(root, 'content'));
  const out = join(root, 'site');
  const result = runBuild(content, out);
  if (result.status !== 0) throw new Error(`fixture build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { root, content, out, stdout: result.stdout };
}

/** Every file below dir, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string; parentPath?: string; path?: string }>)
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path!, d.name).slice(dir.length + 1))
    .sort();
}
