// Brokers: who sits between the sectors. Lists the top actors of each Gould–Fernandez brokerage
// role from the dataset's metrics (asking again, with progress, while the server computes them);
// the chosen role's actors are highlighted on the graph, and a click selects one. Owns the
// `broker` link parameter, the 'brokers' panel with its entry in the Analysis menu and its highlight layer.
import type { BrokerageReport, BrokerageRole } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import type { Feature, FeatureContext } from '../../core/feature.ts';
import type { Highlight } from '../../core/layers.ts';
import type { CoreState } from '../../core/state.ts';
import { COMPUTING_POLL_MS, isComputing, progressPercent } from '../../data/computing.ts';
import { t } from '../../i18n.ts';
import { addAnalysisView } from '../analysis-menu/analysis-menu.ts';
import type { SelectionState } from '../selection/slice.ts';
import { selectNode } from '../selection/selection.ts';
import { renderBrokers, renderFrame } from './brokers-view.ts';
import { roleActors } from './roles.ts';
import { brokersSlice, type BrokersState } from './slice.ts';

type State = CoreState & BrokersState & SelectionState;

export function brokersFeature<S extends State>(): Feature<S> {
  return {
    id: 'brokers',
    slice: brokersSlice<S>(),
    mount(ctx) {
      const element = h('aside', {
        id: 'brokers-panel',
        class: 'panel details analytics-panel',
        'aria-live': 'polite',
      });
      const highlight = brokersLayer(ctx);
      const reports = new ReportCache(ctx);
      void ctx.commands.run(addAnalysisView, { panel: 'brokers', label: (lang) => t(lang, 'brokers'), order: 20 });
      let poll: ReturnType<typeof setTimeout> | undefined;
      const stopPolling = () => clearTimeout(poll);
      const update = (patch: (s: S) => Partial<S>) => ctx.store.update(patch, 'push');
      const handlers = {
        onRole: (role: BrokerageRole) =>
          update((s) => ({ brokerRole: s.brokerRole === role ? undefined : role }) as Partial<S>),
        onSelectNode: (id: string) => void ctx.commands.run(selectNode, id, true),
        onClose: () =>
          update((s) => ({ panel: s.selected ? 'details' : undefined, brokerRole: undefined }) as Partial<S>),
      };
      ctx.panels.register({
        name: 'brokers',
        element,
        key: (s) => `${s.dataset}|${s.brokerRole}`,
        hidden: () => {
          stopPolling();
          highlight.show([]);
        },
        async render(state, run) {
          stopPolling();
          const report = await reports.get(state.dataset);
          if (!run.current()) return;
          if (!report.ready) {
            highlight.show([]);
            const text = t(state.lang, 'metricsComputing', { percent: report.percent, phase: report.phase });
            renderFrame(
              element,
              state.lang,
              handlers.onClose,
              h('p', { class: 'hint computing', id: 'brokers-computing' }, text),
            );
            poll = setTimeout(() => ctx.panels.refresh('brokers', ctx.store.get()), COMPUTING_POLL_MS);
            return;
          }
          highlight.show(roleActors(report.report, state.brokerRole).map((a) => a.id));
          renderBrokers(element, report.report, state.brokerRole, state.lang, handlers);
        },
      });
      return {
        graphChanged: () => highlight.refresh(),
        unloaded: () => reports.clear(),
        automation: { brokerActors: () => highlight.ids() },
        dispose() {
          stopPolling();
        },
      };
    },
  };
}

type ReportState = { ready: true; report: BrokerageReport } | { ready: false; percent: number; phase: string };

/** The dataset's brokerage report, kept once ready (until the dataset is unloaded). */
class ReportCache<S extends State> {
  private kept: { dataset: string; report: BrokerageReport } | undefined;

  constructor(private readonly ctx: FeatureContext<S>) {}

  async get(dataset: string): Promise<ReportState> {
    if (this.kept?.dataset === dataset) return { ready: true, report: this.kept.report };
    const metrics = await this.ctx.source.metrics(dataset);
    if (isComputing(metrics)) return { ready: false, percent: progressPercent(metrics), phase: metrics.progress.phase };
    this.kept = { dataset, report: metrics.brokerage };
    return { ready: true, report: metrics.brokerage };
  }

  clear(): void {
    this.kept = undefined;
  }
}

/** The highlight of the chosen role's actors (those in the view), computed once per change. */
function brokersLayer<S extends State>({ addLayer, model }: FeatureContext<S>) {
  let wanted: string[] = [];
  let shown: Highlight | undefined;
  const layer = addLayer({ id: 'brokers', priority: 25, highlight: () => shown });
  const refresh = () => {
    const present = new Set(wanted.filter((id) => model.graph.hasNode(id)));
    shown = present.size > 0 ? { nodes: present, focus: present } : undefined;
    layer.changed('highlight');
  };
  return {
    show(ids: string[]) {
      wanted = ids;
      refresh();
    },
    refresh,
    ids: () => (shown ? [...shown.nodes] : []),
  };
}
