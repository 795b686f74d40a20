// Payload types of the HTTP API that the server writes and the web app reads: one declaration,
// imported by both (the web app only as types, so nothing of the server is bundled).
export interface GraphNode {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  degree?: number;
  count?: number;
  count_qualifier?: string;
  year?: number;
  synthetic?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface SearchHit {
  id: string;
  type: string;
  name_zh: string;
  name_en: string;
  score: number;
  /** Which key matched, so that the UI can say why (e.g. "pinyin initials"). */
  matched: 'name_zh' | 'name_en' | 'alias' | 'pinyin' | 'pinyin_initials' | 'fulltext';
}
