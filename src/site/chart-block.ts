// The monthly chart with its table, as pages show it: the SVG, then the numbers in a <details>.
import type { Script } from '../record.ts';
import type { Archive, MonthCount } from '../archive/model.ts';
import { monthlyChart, monthlyTable } from './chart.ts';
import { say } from './components.ts';
import { siteUrl } from './filters.ts';
import { html, type SafeHtml } from './html.ts';

/** Chart and table; table cells link to month pages of the archive. */
export function chart(archive: Archive, series: readonly MonthCount[], id: string, caption: string, script: Script): SafeHtml {
  if (series.length === 0) return html``;
  const months = new Set(archive.months.map((m) => m.month));
  return html`<figure class="chart-block">
${monthlyChart(series, id, caption, script)}
<figcaption><details><summary>${say('數據表', script)}</summary>
${monthlyTable(series, caption, script, (m) => (months.has(m) ? siteUrl(`/${m.replace('-', '/')}/`) : undefined))}
</details></figcaption>
</figure>`;
}
