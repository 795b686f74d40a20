// The upload dialog's results: the problems as a table (file, line or element, field, reason),
// the unknown types as a mapping form, and the dry-run summary. Everything from the files is
// shown as text.
import { h } from '../../core/dom.ts';
import { t, type Lang } from '../../i18n.ts';
import type { ImportProblem, ImportResult, UnknownType } from './types.ts';

const SHOWN_PROBLEMS = 500;

export function problemsTable(problems: readonly ImportProblem[], lang: Lang): HTMLElement {
  const rows = problems
    .slice(0, SHOWN_PROBLEMS)
    .map((p) =>
      h(
        'tr',
        {},
        h('td', {}, p.file),
        h('td', {}, p.line !== undefined ? String(p.line) : (p.path ?? '')),
        h('td', {}, p.field ?? ''),
        h('td', {}, p.message),
      ),
    );
  return h(
    'div',
    { id: 'import-problems' },
    h('p', { class: 'import-verdict bad' }, t(lang, 'importProblems', { n: problems.length })),
    h(
      'table',
      { class: 'import-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['importFile', 'importWhere', 'importField', 'importReason'].map((k) => h('th', {}, t(lang, k as never))),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    problems.length > SHOWN_PROBLEMS
      ? h('p', {}, t(lang, 'importMore', { n: problems.length - SHOWN_PROBLEMS }))
      : null,
  );
}

/** One select per unknown type value, preset to its closest known type. */
export function mappingForm(
  unknown: readonly UnknownType[],
  choices: { node: readonly { type: string; label: string }[]; relation: readonly { type: string; label: string }[] },
  lang: Lang,
): { element: HTMLElement; read(): { nodeTypes: Record<string, string>; relationTypes: Record<string, string> } } {
  const selects: { u: UnknownType; select: HTMLSelectElement }[] = [];
  const rows = unknown.map((u) => {
    const options = (u.kind === 'node' ? choices.node : choices.relation).map((c) =>
      h('option', { value: c.type, selected: c.type === u.suggestions[0] }, c.label),
    );
    const select = h('select', { 'data-value': u.value, 'data-kind': u.kind }, ...options);
    selects.push({ u, select });
    return h('li', {}, h('span', { class: 'import-unknown' }, `“${u.value}” ×${u.count} → `), select);
  });
  return {
    element: h('div', { id: 'import-mapping' }, h('p', {}, t(lang, 'importMapHint')), h('ul', {}, ...rows)),
    read() {
      const mapping = { nodeTypes: {} as Record<string, string>, relationTypes: {} as Record<string, string> };
      for (const { u, select } of selects)
        (u.kind === 'node' ? mapping.nodeTypes : mapping.relationTypes)[u.value] = select.value;
      return mapping;
    },
  };
}

export function summaryView(result: ImportResult, lang: Lang): HTMLElement {
  const s = result.summary;
  return h(
    'div',
    { id: 'import-summary' },
    h(
      'p',
      { class: 'import-verdict good' },
      t(lang, result.dryRun ? 'importWould' : 'importDid', { dataset: result.dataset }),
    ),
    h(
      'ul',
      {},
      h(
        'li',
        {},
        t(lang, 'importNodes', { added: s.nodes.added, matched: s.nodes.matched, byName: s.nodes.matchedByName }),
      ),
      h('li', {}, t(lang, 'importRelations', { added: s.relations.added, matched: s.relations.matched })),
      h('li', {}, t(lang, 'importConflicts', { n: s.conflicts })),
    ),
    ...result.conflicts
      .slice(0, 50)
      .map((c) =>
        h('p', { class: 'import-conflict' }, `${c.imported} ↔ ${c.existing.join(', ')} (${c.field}): ${c.message}`),
      ),
  );
}
