// Slide export: the view as a 16:9 slide (PNG at 1280×720, 1920×1080 or 3840×2160, or SVG),
// framed to what is on screen, with a title the user may change in a small dialog (prefilled
// with the story step's title, else the dataset's), a legend, a source footnote and the date.
import { h } from '../../core/dom.ts';
import type { FeatureContext } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import type { SourcesPayload } from '../../data/types.ts';
import { PALETTES } from '../../graph/theme.ts';
import { t, type Lang } from '../../i18n.ts';
import type { StoriesState } from '../stories/slice.ts';
import type { ThemeState } from '../theme/slice.ts';
import { download } from './files.ts';
import { askSlideScale, askSlideTitle, type SlideScale } from './slide-commands.ts';
import { composeSlide, type SlideLegendInput, type SlideScene } from './slide-compose.ts';
import { footnoteText, isoDate, SLIDE, SLIDE_PNG_SIZES } from './slide-layout.ts';
import { slidePng } from './slide-png.ts';
import { slideSvg } from './slide-svg.ts';
import { canvasMeasure, drawnNetwork, labelStyle, themeColors, type DrawnNetwork } from './slide-view.ts';

/** The stories' keys are read when present (a step's title heads its slide); the app runs without them too. */
type State = CoreState & ThemeState & Partial<Pick<StoriesState, 'story' | 'storyStep'>>;

/** The export menu's slide entries: a PNG per size, and the SVG. */
export const SLIDE_KINDS: [kind: string, label: string][] = [
  ...SLIDE_PNG_SIZES.map(({ width, height }): [string, string] => [`slide${width}`, `PNG ${width}×${height}`]),
  ['slidesvg', `SVG ${SLIDE.width}×${SLIDE.height}`],
];

interface DatasetText {
  title: string;
  sources: SourcesPayload | undefined;
}

function datasetTitle(
  lang: Lang,
  dataset: string,
  info: { title_zh: string | null; title_en: string | null } | undefined,
): string {
  const title = lang === 'zh' ? (info?.title_zh ?? info?.title_en) : (info?.title_en ?? info?.title_zh);
  return title?.trim() || dataset;
}

/** The dataset's title and its sources, as the data source has them (either may be missing). */
async function datasetText<S extends State>(
  { source }: FeatureContext<S>,
  lang: Lang,
  dataset: string,
): Promise<DatasetText> {
  const [summaries, sources] = await Promise.all([
    source.datasets().catch(() => []),
    source.sources ? source.sources(dataset).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  return {
    title: datasetTitle(
      lang,
      dataset,
      summaries.find((d) => d.name === dataset),
    ),
    sources,
  };
}

/** The title of the story step the view shows, as its story is stored. */
async function storyStepTitle<S extends State>({ store, source }: FeatureContext<S>, lang: Lang): Promise<string> {
  const { dataset, story, storyStep } = store.get();
  if (story === undefined || storyStep === undefined) return '';
  const step = (await source.story(dataset, story).catch(() => undefined))?.steps[storyStep - 1];
  return (lang === 'zh' ? step?.title_zh || step?.title_en : step?.title_en || step?.title_zh) ?? '';
}

/** The story step's title (as the stories feature answers, else as stored), else the dataset's. */
async function suggestedTitle<S extends State>(ctx: FeatureContext<S>, lang: Lang, text: DatasetText): Promise<string> {
  let title = '';
  await ctx.commands.run(askSlideTitle, lang, (answer) => (title = answer.trim()));
  if (!title) title = (await storyStepTitle(ctx, lang)).trim();
  return title || text.title;
}

function legendInput<S extends State>(
  { model }: FeatureContext<S>,
  lang: Lang,
  network: DrawnNetwork,
  scale: SlideScale | undefined,
): SlideLegendInput {
  const present = new Set<string>();
  for (const n of network.nodes)
    if (model.graph.hasNode(n.id)) present.add(model.graph.getNodeAttribute(n.id, 'nodeType'));
  const types = (model.schema?.nodeTypes ?? [])
    .filter((x) => present.has(x.type))
    .map((x) => ({ label: lang === 'zh' ? x.name_zh : x.name_en, color: x.color }));
  return {
    heading: t(lang, 'legend'),
    colorTitle: scale?.colorTitle,
    ramp: scale?.ramp,
    // Coloured by a measure, the nodes' colours no longer say their type.
    entries: scale?.categories ?? (scale?.colorTitle ? [] : types),
    notes: scale?.sizeTitle ? [scale.sizeTitle] : [],
    more: (n) => t(lang, 'slideMore', { n }),
  };
}

async function slideScene<S extends State>(
  ctx: FeatureContext<S>,
  title: string,
  text: DatasetText,
): Promise<SlideScene | undefined> {
  const renderer = ctx.renderer();
  if (!renderer) return undefined;
  const { lang, theme, dataset } = ctx.store.get();
  const palette = PALETTES[theme] ?? PALETTES.light;
  let scale: SlideScale | undefined;
  await ctx.commands.run(askSlideScale, lang, (answer) => (scale = answer));
  const network = drawnNetwork(renderer);
  const counts = t(lang, 'nodesEdges', { nodes: ctx.layers.visibleNodeCount(), edges: ctx.layers.visibleEdgeCount() });
  const sources = text.sources;
  return composeSlide(
    network.nodes,
    network.edges,
    {
      title,
      subtitle: title === text.title ? counts : `${text.title} · ${counts}`,
      footnote: footnoteText(lang, {
        sources: sources?.sources ?? [],
        total: sources?.total ?? 0,
        datasetTitle: text.title || dataset,
      }),
      date: t(lang, 'slideDate', { date: isoDate(new Date()) }),
      legend: legendInput(ctx, lang, network, scale),
      colors: themeColors(palette),
      labels: labelStyle(palette),
      viewport: network.viewport,
    },
    canvasMeasure(),
  );
}

async function exportSlide<S extends State>(ctx: FeatureContext<S>, kind: string, title: string, text: DatasetText) {
  const scene = await slideScene(ctx, title, text);
  if (!scene) return;
  const base = `${ctx.store.get().dataset}-slide-${isoDate(new Date())}`;
  if (kind === 'slidesvg') {
    download(slideSvg(scene), `${base}.svg`, 'image/svg+xml');
    return;
  }
  const size = SLIDE_PNG_SIZES.find((s) => kind === `slide${s.width}`);
  if (size)
    download(await slidePng(scene, size.width, size.height), `${base}-${size.width}x${size.height}.png`, 'image/png');
}

function dialogElements() {
  const heading = h('h2', { id: 'slide-dialog-heading' });
  const label = h('span', {});
  const input = h('input', { id: 'slide-title', type: 'text', maxlength: '200', autocomplete: 'off' });
  const hint = h('p', { class: 'hint' });
  const go = h('button', { id: 'slide-export', type: 'submit' });
  const cancel = h('button', { id: 'slide-cancel', type: 'button' });
  const form = h(
    'form',
    {},
    heading,
    h('label', { class: 'slide-field' }, label, input),
    hint,
    h('div', { class: 'slide-actions' }, go, cancel),
  );
  const root = h(
    'dialog',
    { id: 'slide-dialog', class: 'panel slide-dialog', 'aria-labelledby': 'slide-dialog-heading' },
    form,
  );
  return { root, form, heading, label, input, hint, go, cancel };
}

/**
 * The slide dialog: `open(kind)` asks for the title (prefilled), then draws and downloads the
 * slide. Failures become notices.
 */
export function mountSlides<S extends State>(
  ctx: FeatureContext<S>,
): { open(kind: string): Promise<void>; dispose(): void } {
  const d = dialogElements();
  document.body.append(d.root);
  let pending: { kind: string; text: DatasetText } | undefined;
  d.cancel.addEventListener('click', () => d.root.close());
  d.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const job = pending;
    d.root.close();
    if (!job) return;
    const title = d.input.value.trim() || job.text.title;
    exportSlide(ctx, job.kind, title, job.text).catch((error: unknown) =>
      ctx.chrome.showNotice((error as Error).message),
    );
  });
  return {
    async open(kind) {
      const { lang, dataset } = ctx.store.get();
      const text = await datasetText(ctx, lang, dataset);
      pending = { kind, text };
      const format = SLIDE_KINDS.find(([k]) => k === kind)?.[1] ?? kind;
      d.heading.textContent = t(lang, 'slideDialogTitle', { format });
      d.label.textContent = t(lang, 'slideTitle');
      d.hint.textContent = t(lang, 'slideHint');
      d.go.textContent = t(lang, 'export');
      d.cancel.textContent = t(lang, 'slideCancel');
      d.input.value = await suggestedTitle(ctx, lang, text);
      if (!d.root.open) d.root.showModal();
      d.input.select();
    },
    dispose: () => d.root.remove(),
  };
}
