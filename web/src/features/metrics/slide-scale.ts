// What a slide's legend says about the metrics nodes are drawn with: the colour scale (low and
// high values, or the communities by size, each named by its best-connected members) and the
// measure sizes follow. Pure: no DOM, testable in Node.
import type { MetricsReady } from '../../../../domain/api-types.ts';
import { t, type Lang } from '../../i18n.ts';
import type { SlideScale } from '../export/slide-commands.ts';
import { formatValue } from './format.ts';
import { categories, COMMUNITY_COLORS, extentOf, SEQUENTIAL_STOPS } from './scales.ts';

export function slideScale(
  payload: MetricsReady | undefined,
  choice: { sizeBy: string | undefined; colorBy: string | undefined },
  lang: Lang,
): SlideScale | undefined {
  if (!payload) return undefined;
  const info = (id: string | undefined) => payload.metrics.find((m) => m.id === id);
  const name = (m: { name_zh: string; name_en: string }) => (lang === 'zh' ? m.name_zh : m.name_en);
  const out: SlideScale = {};
  const size = info(choice.sizeBy);
  if (size) out.sizeTitle = t(lang, 'slideSizeBy', { metric: name(size) });
  const color = info(choice.colorBy);
  const values = color && payload.values[color.id];
  if (color && values) {
    out.colorTitle = t(lang, 'slideColorBy', { metric: name(color) });
    if (color.kind === 'category') {
      const communities = new Map(payload.communities.map((c) => [c.id, c]));
      out.categories = categories(values)
        .slice(0, COMMUNITY_COLORS.length)
        .map((c) => {
          const top = (communities.get(c.value)?.top ?? []).slice(0, 3).map(name);
          return { label: top.length > 0 ? top.join(lang === 'zh' ? '、' : ', ') : `#${c.value}`, color: c.color };
        });
    } else {
      const extent = extentOf(values);
      out.ramp = { stops: SEQUENTIAL_STOPS, min: formatValue(extent?.min), max: formatValue(extent?.max) };
    }
  }
  return out.sizeTitle || out.colorTitle ? out : undefined;
}
