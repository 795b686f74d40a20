// Sends an import through the data source (multipart, admin token) with upload progress, and
// reads its answer: the dry-run summary, or the problems found, or the error in the API's shape.
import type { UploadAnswer } from '../../data/upload.ts';
import type { ImportAnswer, ImportForm } from './types.ts';

export type SendFiles = (
  form: FormData,
  token: string,
  onProgress: (fraction: number) => void,
) => Promise<UploadAnswer>;

export async function sendImport(
  send: SendFiles,
  form: ImportForm,
  onProgress: (fraction: number) => void,
): Promise<ImportAnswer> {
  const body = new FormData();
  body.set('dataset', form.dataset);
  body.set('mode', form.mode);
  body.set('dryRun', String(form.dryRun));
  if (form.encoding) body.set('encoding', form.encoding);
  if (form.mapping) body.set('mapping', JSON.stringify(form.mapping));
  for (const file of form.files) body.append('files', file, file.name);
  const { status, body: json } = await send(body, form.token, onProgress);
  if (status === 0) return { ok: false, status, code: 'network_error', message: 'the server could not be reached' };
  if (json === undefined) return { ok: false, status, code: 'bad_response', message: `HTTP ${status}` };
  if (status >= 200 && status < 300) return { ok: true, result: json as never };
  const error = (json as { error?: { code?: string; message?: string; details?: unknown } }).error ?? {};
  return {
    ok: false,
    status,
    code: error.code ?? 'http_error',
    message: error.message ?? `HTTP ${status}`,
    details: error.details as never,
  };
}
