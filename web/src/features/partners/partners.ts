// Find partners: for the selected actor, the actors it has no tie with yet, ranked, each with
// its reasons in words (shared neighbours, shared fields, a short path, one community). Adds a
// "Find partners" button to the details panel; owns the `partners`, `ptype` and `partner` link
// parameters, the 'partners' panel and the layer that draws the chosen candidate's reasons.
import type { PartnerCandidate, PartnersPayload } from '../../../../domain/api-types.ts';
import { h } from '../../core/dom.ts';
import type { Feature, FeatureContext } from '../../core/feature.ts';
import type { Highlight } from '../../core/layers.ts';
import type { CoreState } from '../../core/state.ts';
import { t, type Lang } from '../../i18n.ts';
import { addNodeAction } from '../details/details.ts';
import type { SelectionState } from '../selection/slice.ts';
import { selectNode } from '../selection/selection.ts';
import { renderPartners, type PartnersView } from './partners-view.ts';
import { actorTypes, reasonDrawing, type ReasonDrawing } from './reasons.ts';
import { partnersSlice, type PartnersState } from './slice.ts';

/** How many candidates are asked for. */
const PARTNER_LIMIT = 10;

type State = CoreState & PartnersState & SelectionState;

export function partnersFeature<S extends State>(): Feature<S> {
  return {
    id: 'partners',
    slice: partnersSlice<S>(),
    mount(ctx) {
      const { store, model, commands } = ctx;
      const element = h('aside', {
        id: 'partners-panel',
        class: 'panel details analytics-panel',
        'aria-live': 'polite',
      });
      const drawing = reasonsLayer(ctx);
      const answers = new AnswerCache(ctx);
      const update = (patch: (s: S) => Partial<S>) => store.update(patch, 'push');
      void commands.run(addNodeAction, {
        id: 'find-partners',
        label: (lang) => t(lang, 'findPartners'),
        applies: (node) => actorTypes(model.schema?.nodeTypes ?? []).includes(node.type),
        run: (node) =>
          update(
            () =>
              ({ panel: 'partners', partnersOf: node.id, partnerType: undefined, partner: undefined }) as Partial<S>,
          ),
      });
      const handlers = {
        onType: (type: string | undefined) => update(() => ({ partnerType: type, partner: undefined }) as Partial<S>),
        onCandidate: (id: string) => update((s) => ({ partner: s.partner === id ? undefined : id }) as Partial<S>),
        onSelectNode: (id: string) => void commands.run(selectNode, id, true),
        onClose: () =>
          update(
            (s) =>
              ({
                panel: s.selected ? 'details' : undefined,
                partnersOf: undefined,
                partnerType: undefined,
                partner: undefined,
              }) as Partial<S>,
          ),
      };
      ctx.panels.register({
        name: 'partners',
        element,
        key: (s) => `${s.dataset}|${s.partnersOf}|${s.partnerType}|${s.partner}`,
        hidden: () => drawing.show(undefined),
        async render(state, run) {
          const of = state.partnersOf;
          if (!of) return;
          const payload = await answers.get(state.dataset, of, state.partnerType);
          if (!run.current()) return;
          const candidate = payload.candidates.find((c) => c.id === state.partner);
          // A link naming a candidate the list does not have is cleaned.
          if (state.partner !== undefined && !candidate) store.update({ partner: undefined } as Partial<S>, 'replace');
          const drawn = drawing.show(candidate && { of, candidate });
          renderPartners(element, payload, viewOf(ctx, state, candidate && drawn), state.lang, handlers);
        },
      });
      return {
        graphChanged: () => drawing.refresh(),
        unloaded: () => answers.clear(),
        automation: {
          partnerCandidates: () => answers.last?.candidates.map((c) => c.id) ?? [],
          partnerDrawing: () => drawing.current(),
        },
      };
    },
  };
}

/** What the panel shows besides the payload: names, the type choices, the chosen candidate. */
function viewOf<S extends State>(
  { model }: FeatureContext<S>,
  state: S,
  drawn: ReasonDrawing | undefined,
): PartnersView {
  const lang: Lang = state.lang;
  const typeName = (type: string) => model.typeName(type, lang);
  return {
    name: model.nodeName(state.partnersOf, lang) || (state.partnersOf ?? ''),
    type: state.partnerType,
    types: actorTypes(model.schema?.nodeTypes ?? []).map((type) => [type, typeName(type)] as [string, string]),
    typeName,
    chosen: drawn ? state.partner : undefined,
    missing: drawn?.missingNodes.length ?? 0,
  };
}

/** The last answer, kept while only the chosen candidate changes. */
class AnswerCache<S extends State> {
  last: PartnersPayload | undefined;
  private key = '';

  constructor(private readonly ctx: FeatureContext<S>) {}

  async get(dataset: string, of: string, type: string | undefined): Promise<PartnersPayload> {
    const key = `${dataset}|${of}|${type ?? ''}`;
    if (this.last && key === this.key) return this.last;
    const payload = await this.ctx.source.partners(dataset, of, { type, limit: PARTNER_LIMIT });
    this.last = payload;
    this.key = key;
    return payload;
  }

  clear(): void {
    this.last = undefined;
    this.key = '';
  }
}

/** Draws the chosen candidate's reasons: its nodes and relations that the view holds. */
function reasonsLayer<S extends State>({ addLayer, model }: FeatureContext<S>) {
  let wanted: { of: string; candidate: PartnerCandidate } | undefined;
  let drawn: ReasonDrawing | undefined;
  let shown: Highlight | undefined;
  const layer = addLayer({ id: 'partners', priority: 25, highlight: () => shown });
  const refresh = () => {
    drawn = wanted && reasonDrawing(wanted.of, wanted.candidate, model.graph);
    shown = drawn && drawn.nodes.size > 0 ? { nodes: drawn.nodes, focus: drawn.focus, edges: drawn.edges } : undefined;
    layer.changed('highlight');
  };
  return {
    show(next: typeof wanted): ReasonDrawing | undefined {
      wanted = next;
      refresh();
      return drawn;
    },
    refresh,
    current: () =>
      drawn
        ? {
            nodes: [...drawn.nodes],
            edges: [...drawn.edges],
            missingNodes: drawn.missingNodes,
            missingEdges: drawn.missingEdges,
          }
        : undefined,
  };
}
