// Where the curated dataset lives in the repository.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CURATED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'laoshan');
