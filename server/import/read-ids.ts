// Node ids for imported data. An id that domain/ids.ts accepts is kept as it is; any other is
// normalised, the same way every time: NFKC, lower case, Chinese runs as their pinyin
// (海尔集团 → haierjituan), every other character that an id may not hold as '-', runs of '-'
// collapsed, each '/'-separated part starting with a letter or digit. Longer than the id limit:
// cut, with a hash of the original appended. Nothing left (an id of only symbols): `n-<hash>`.
// Two different originals that end up equal are a problem for the reader to report.
import { createHash } from 'node:crypto';
import { NODE_ID_MAX_LENGTH, isNodeId } from '../../domain/ids.ts';
import { fullPinyin } from '../../domain/search-keys.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const UNSAFE = /[^a-z0-9._~/-]+/g;
const DASHES = /-{2,}/g;
const PART_START = /^[._~-]+/;
const PART_END = /-+$/;

function hash8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function cleanParts(text: string): string {
  return text
    .split('/')
    .map((part) => part.replace(DASHES, '-').replace(PART_START, '').replace(PART_END, ''))
    .filter(Boolean)
    .join('/');
}

/** The node id for a data id (see the file comment); the id itself when already valid. */
export function normalizeNodeId(original: string): string {
  if (isNodeId(original)) return original;
  const text = original.normalize('NFKC').trim().toLowerCase();
  if (isNodeId(text)) return text;
  let id = cleanParts(text.replace(HAN_RUN, (run) => `-${fullPinyin(run)}-`).replace(UNSAFE, '-'));
  if (id.length > NODE_ID_MAX_LENGTH) {
    const cut = cleanParts(id.slice(0, NODE_ID_MAX_LENGTH - 9).replace(/\/+$/, ''));
    id = `${cut}-${hash8(original)}`;
  }
  if (id === '' || !isNodeId(id)) id = `n-${hash8(original)}`;
  return id;
}
