// Sends an import to the server (multipart, admin token) with upload progress, and reads its
// answer: the dry-run summary, or the problems found, or the error in the API's shape.
import type { ImportAnswer, ImportForm } from './types.ts';

export function sendImport(form: ImportForm, onProgress: (fraction: number) => void): Promise<ImportAnswer> {
  const body = new FormData();
  body.set('dataset', form.dataset);
  body.set('mode', form.mode);
  body.set('dryRun', String(form.dryRun));
  if (form.encoding) body.set('encoding', form.encoding);
  if (form.mapping) body.set('mapping', JSON.stringify(form.mapping));
  for (const file of form.files) body.append('files', file, file.name);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    xhr.setRequestHeader('Authorization', `Bearer ${form.token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        resolve({ ok: false, status: xhr.status, code: 'bad_response', message: `HTTP ${xhr.status}` });
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, result: json as never });
      else {
        const error = (json as { error?: { code?: string; message?: string; details?: unknown } }).error ?? {};
        resolve({
          ok: false,
          status: xhr.status,
          code: error.code ?? 'http_error',
          message: error.message ?? `HTTP ${xhr.status}`,
          details: error.details as never,
        });
      }
    };
    xhr.onerror = () =>
      resolve({ ok: false, status: 0, code: 'network_error', message: 'the server could not be reached' });
    xhr.send(body);
  });
}
