// Review: read a document (pasted text, or a .txt, .md, .markdown, .docx or .pdf file) and go
// through what the server's extractor proposes — the actors, counted groups, figures and ties it
// states, each with its sentence — accepting, editing or rejecting each one; then write the
// accepted ones into the dataset (admin token), with the document as their source and their
// sentences as evidence. Owns the `review` link parameter (the screen open), the toolbar button and the `r`
// key. Hidden where the data source cannot read documents (the offline bundle).
import { button } from '../../core/dom.ts';
import type { Feature, FeatureContext, FeatureHooks } from '../../core/feature.ts';
import type { CoreState } from '../../core/state.ts';
import { t } from '../../i18n.ts';
import { selectNode } from '../selection/selection.ts';
import { ReviewSession } from './session.ts';
import { reviewSlice, type ReviewState } from './slice.ts';

export function reviewFeature<S extends CoreState & ReviewState>(): Feature<S> {
  return {
    id: 'review',
    slice: reviewSlice<S>(),
    mount: (ctx) => mountReview(ctx),
  };
}

function mountReview<S extends CoreState & ReviewState>(ctx: FeatureContext<S>): FeatureHooks {
  const { store, source } = ctx;
  const extract = source.extractDocument?.bind(source);
  const accept = source.acceptExtraction?.bind(source);
  if (!extract || !accept) return {};
  /** The node to select once the dataset written into has loaded again. */
  let pending: { dataset: string; node: string | undefined } | undefined;
  const setOpen = (reviewOpen: boolean, history: 'push' | 'replace' = 'push') =>
    store.update({ reviewOpen } as Partial<S>, history);
  const session = new ReviewSession({
    lang: () => store.get().lang,
    dataset: () => store.get().dataset,
    extract,
    accept,
    datasets: async () => (await source.datasets()).map((d) => d.name),
    storage: tabStorage(),
    closed: () => {
      if (store.get().reviewOpen) setOpen(false);
    },
    showWritten: (dataset, node) => {
      pending = { dataset, node };
      setOpen(false, 'replace');
      ctx.switchDataset(dataset);
    },
  });
  const open = button('review-open');
  open.addEventListener('click', () => setOpen(!store.get().reviewOpen));
  ctx.chrome.place('toolbar', open, 46);
  const relabel = () => {
    const { lang, reviewOpen } = store.get();
    open.textContent = t(lang, 'reviewOpen');
    open.title = t(lang, 'reviewOpenHint');
    open.setAttribute('aria-pressed', String(reviewOpen));
    session.relabel();
  };
  const sync = () => (store.get().reviewOpen ? session.open() : session.close());
  relabel();
  sync();
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.lang !== previous.lang) relabel();
    if (next.reviewOpen !== previous.reviewOpen) {
      open.setAttribute('aria-pressed', String(next.reviewOpen));
      sync();
    }
  });
  return {
    loaded() {
      const wanted = pending;
      pending = undefined;
      // Selected where the whole graph stays in view (its new nodes may still be laid out).
      if (wanted?.node !== undefined && wanted.dataset === store.get().dataset)
        void ctx.commands.run(selectNode, wanted.node, false);
    },
    keys: [{ key: 'r', run: () => setOpen(!store.get().reviewOpen) }],
    automation: {
      /** The review screen: its phase, the counts of decisions, the last write's result. */
      reviewState: () => session.snapshot(),
      /** The proposals read (entities and relations as the list shows them), for comparisons. */
      reviewProposals: () => proposalsOf(session),
    },
    dispose() {
      unsubscribe();
      session.dispose();
    },
  };
}

/** The tab's own storage: the review kept there survives a reload, not the tab. */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    // Storage disabled (a browser setting): nothing is kept.
    return undefined;
  }
}

function proposalsOf(session: ReviewSession) {
  const model = session.model;
  if (!model) return undefined;
  return {
    entities: model.entities().map((e) => ({
      id: e.proposal.id,
      kind: e.proposal.kind,
      name: e.proposal.name,
      type: e.proposal.type,
      merge: e.proposal.merge?.id,
      decision: e.decision,
      sentences: e.proposal.evidence.map((x) => x.text),
    })),
    relations: model.relations().map((r) => ({
      id: r.proposal.id,
      source: model.entity(r.proposal.source)?.proposal.name,
      type: r.proposal.type,
      target: model.entity(r.proposal.target)?.proposal.name,
      decision: r.decision,
      sentence: r.proposal.evidence.text,
    })),
  };
}
