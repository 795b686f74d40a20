// The shapes the upload dialog sends and receives (the server's are in server/import/*).

export interface ImportForm {
  files: File[];
  dataset: string;
  mode: 'new' | 'replace' | 'merge';
  dryRun: boolean;
  encoding: string;
  token: string;
  mapping: { nodeTypes: Record<string, string>; relationTypes: Record<string, string> } | undefined;
}

export interface ImportProblem {
  file: string;
  line?: number;
  path?: string;
  field?: string;
  message: string;
}

export interface UnknownType {
  kind: 'node' | 'relation';
  value: string;
  count: number;
  suggestions: string[];
}

export interface ImportResult {
  dataset: string;
  mode: string;
  dryRun: boolean;
  summary: {
    nodes: { added: number; matched: number; matchedById: number; matchedByName: number };
    relations: { added: number; matched: number };
    conflicts: number;
  };
  conflicts: { imported: string; existing: string[]; field: string; message: string }[];
}

export type ImportAnswer =
  | { ok: true; result: ImportResult }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      details?: { problems?: ImportProblem[]; unknownTypes?: UnknownType[]; conflicts?: ImportResult['conflicts'] };
    };
