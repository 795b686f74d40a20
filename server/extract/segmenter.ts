// Word segmentation with part-of-speech tags: jieba (@node-rs/jieba, a prebuilt native binding
// with its dictionary in the package, so nothing is downloaded at run time). It is loaded on first
// use, not at import. Its tags (ns place, nt organisation, v verb, p preposition, m numeral …)
// bound names and find places; a name jieba does not know still comes out as single-character or
// x-tagged tokens, which the rules take in.
import { createRequire } from 'node:module';

export interface Token {
  word: string;
  tag: string;
  /** Offsets in the segmented string. */
  start: number;
  end: number;
}

export interface Segmenter {
  tag(text: string): Token[];
}

interface JiebaLike {
  tag(sentence: string, hmm?: boolean): { word: string; tag: string }[];
}

let jieba: JiebaLike | undefined;

function loadJieba(): JiebaLike {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** Places tokens on the text; jieba returns every character, but this does not rely on it. */
export function placeTokens(text: string, words: readonly { word: string; tag: string }[]): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const { word, tag } of words) {
    const start = text.indexOf(word, at);
    if (start < 0 || word === '') continue;
    if (start > at) tokens.push({ word: text.slice(at, start), tag: 'x', start: at, end: start });
    tokens.push({ word, tag, start, end: start + word.length });
    at = start + word.length;
  }
  if (at < text.length) tokens.push({ word: text.slice(at), tag: 'x', start: at, end: text.length });
  return tokens;
}

export function jiebaSegmenter(): Segmenter {
  return {
    tag(text: string): Token[] {
      return placeTokens(text, loadJieba().tag(text, true));
    },
  };
}
