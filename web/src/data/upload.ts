// An upload to the API with progress (fetch reports none for a request body): XMLHttpRequest,
// multipart, with the admin token. The HTTP data source's imports go through it.
export interface UploadAnswer {
  /** 0: the server could not be reached. */
  status: number;
  /** The answer's JSON; undefined when the body was not JSON (or there was no answer). */
  body: unknown;
}

export function upload(
  url: string,
  form: FormData,
  token: string,
  onProgress: (fraction: number) => void,
): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: undefined });
    xhr.send(form);
  });
}
