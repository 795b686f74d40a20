// Gaps: what the planners may want to close — fields without a tie across sectors, parks
// without an academic partner, programmes without a recipient, communities joined by a single
// broker. Lists them grouped by kind (asking again, with progress, while the server computes
// the metrics they rest on); the chosen gap's nodes are highlighted. Owns the `gap` link
// parameter, the 'gaps' panel with its entry in the Analysis menu and its highlight layer.
import type { Gap } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import type { Feature, FeatureContext } from '../../core/feature.ts';
import type { Highlight } from '../../core/layers.ts';
import type { CoreState } from '../../core/state.ts';
import { COMPUTING_POLL_MS, isComputing, progressPercent } from '../../data/computing.ts';
import { t } from '../../i18n.ts';
import { addAnalysisView } from '../analysis-menu/analysis-menu.ts';
import type { SelectionState } from '../selection/slice.ts';
import { selectNode } from '../selection/selection.ts';
import { findGap } from './gap-keys.ts';
import { renderGaps, renderGapsFrame } from './gaps-view.ts';
import { gapsSlice, type GapsState } from './slice.ts';

type State = CoreState & GapsState & SelectionState;

export function gapsFeature<S extends State>(): Feature<S> {
  return {
    id: 'gaps',
    slice: gapsSlice<S>(),
    mount(ctx) {
      const element = h('aside', { id: 'gaps-panel', class: 'panel details analytics-panel', 'aria-live': 'polite' });
      const highlight = gapsLayer(ctx);
      void ctx.commands.run(addAnalysisView, { panel: 'gaps', label: (lang) => t(lang, 'gaps'), order: 30 });
      let kept: { dataset: string; gaps: Gap[] } | undefined;
      let poll: ReturnType<typeof setTimeout> | undefined;
      const update = (patch: (s: S) => Partial<S>) => ctx.store.update(patch, 'push');
      const handlers = {
        onGap: (key: string) => update((s) => ({ gap: s.gap === key ? undefined : key }) as Partial<S>),
        onSelectNode: (id: string) => void ctx.commands.run(selectNode, id, true),
        onClose: () => update((s) => ({ panel: s.selected ? 'details' : undefined, gap: undefined }) as Partial<S>),
      };
      ctx.panels.register({
        name: 'gaps',
        element,
        key: (s) => `${s.dataset}|${s.gap}`,
        hidden: () => {
          clearTimeout(poll);
          highlight.show(undefined);
        },
        async render(state, run) {
          clearTimeout(poll);
          const answer = kept?.dataset === state.dataset ? kept : await ctx.source.gaps(state.dataset);
          if (!run.current()) return;
          if (isComputing(answer)) {
            highlight.show(undefined);
            const text = t(state.lang, 'metricsComputing', {
              percent: progressPercent(answer),
              phase: answer.progress.phase,
            });
            renderGapsFrame(
              element,
              state.lang,
              handlers.onClose,
              h('p', { class: 'hint computing', id: 'gaps-computing' }, text),
            );
            poll = setTimeout(() => ctx.panels.refresh('gaps', ctx.store.get()), COMPUTING_POLL_MS);
            return;
          }
          kept = { dataset: state.dataset, gaps: answer.gaps };
          const gap = findGap(answer.gaps, state.gap);
          // A link naming a gap the list does not have (any more) is cleaned.
          if (state.gap !== undefined && !gap) ctx.store.update({ gap: undefined } as Partial<S>, 'replace');
          highlight.show(gap);
          renderGaps(element, answer.gaps, gap ? state.gap : undefined, state.lang, handlers);
        },
      });
      return {
        graphChanged: () => highlight.refresh(),
        unloaded: () => (kept = undefined),
        automation: { gapNodes: () => highlight.ids() },
        dispose() {
          clearTimeout(poll);
        },
      };
    },
  };
}

/** The highlight of the chosen gap's nodes (those in the view), its subject in focus. */
function gapsLayer<S extends State>({ addLayer, model }: FeatureContext<S>) {
  let wanted: Gap | undefined;
  let shown: Highlight | undefined;
  const layer = addLayer({ id: 'gaps', priority: 25, highlight: () => shown });
  const refresh = () => {
    const nodes = new Set((wanted?.nodes ?? []).filter((id) => model.graph.hasNode(id)));
    const subject = wanted?.subject.id;
    if (subject !== undefined && model.graph.hasNode(subject)) nodes.add(subject);
    shown =
      nodes.size > 0
        ? { nodes, focus: new Set(subject && nodes.has(subject) ? [subject] : nodes), wide: true }
        : undefined;
    layer.changed('highlight');
  };
  return {
    show(gap: Gap | undefined) {
      wanted = gap;
      refresh();
    },
    refresh,
    ids: () => (shown ? [...shown.nodes] : []),
  };
}
