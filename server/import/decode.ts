// Text decoding of imported files: a byte-order mark decides; else a forced encoding (the
// user's --encoding) or an XML declaration; else valid UTF-8; else GB18030 when the bytes read
// as Chinese text. What cannot be decoded is a problem with its byte offset and line, never
// replacement characters in the data.
import { isUtf8 } from 'node:buffer';

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; line?: number; message: string };

export interface DecodeOptions {
  /** The user's encoding (options.encoding); wins over detection. */
  forced?: string;
  /** An encoding declared by the file itself (an XML declaration); used when nothing is forced. */
  declared?: string;
}

interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

const BOM_LABEL: Record<Bom['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

function byteOrderMark(bytes: Uint8Array): Bom | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The WHATWG name of an encoding label ('utf8' → 'utf-8', 'GBK' → 'gbk'), or undefined. */
export function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** 1-based line of a byte offset (counts LF bytes before it; right for ASCII-compatible encodings). */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * GB18030's reading of the bytes, if it has one, and whether it is Chinese text: at least 80% of the
 * two-byte characters lie in the GB2312 area (lead and trail bytes 0xA1–0xFE), where the
 * common Chinese characters and punctuation are. Latin-1 text decodes too ("Müller" reads as
 * "M黮ler"), but an accented letter followed by an ASCII one falls outside that area.
 */
function readsAsGb18030(bytes: Uint8Array): { text: string; chinese: boolean } | undefined {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  let common = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      other++; // a four-byte sequence
      i += 3;
      continue;
    }
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    else other++;
    i++;
  }
  return { text, chinese: common > 0 && common >= 4 * other };
}

/**
 * A UTF-16 file without a byte-order mark: ASCII characters leave a zero byte in every other
 * place. Looks at the first 4 KiB; returns the likely byte order.
 */
function looksLikeBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function hint(name: string): string {
  return `try --encoding ${name}`;
}

function decodeAs(bytes: Uint8Array, encoding: string, start: number, why: string): DecodeResult {
  const body = bytes.subarray(start);
  if (encoding === 'utf-8') {
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      const offset = start + bad;
      const gb = readsAsGb18030(body)?.chinese === true;
      return {
        ok: false,
        line: lineAtByte(bytes, offset),
        message:
          `byte ${offset} is not valid UTF-8${why}; ` +
          (gb ? `it looks like GB18030: ${hint('gb18030')}` : 'give the file’s encoding with --encoding'),
      };
    }
  }
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding };
  } catch {
    return {
      ok: false,
      message: `is not valid ${encoding.toUpperCase()} text${why}; give the file’s encoding with --encoding`,
    };
  }
}

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const bom = byteOrderMark(bytes);
  if (options.forced !== undefined) {
    const forced = encodingName(options.forced);
    if (forced === undefined)
      return {
        ok: false,
        message: `--encoding "${options.forced}" is not an encoding (use utf-8, utf-16le, utf-16be, gb18030 or gbk)`,
      };
    if (bom && bom.encoding !== forced)
      return {
        ok: false,
        line: 1,
        message: `starts with a ${BOM_LABEL[bom.encoding]} byte-order mark, but --encoding ${options.forced} was given`,
      };
    return decodeAs(bytes, forced, bom ? bom.length : 0, ` (--encoding ${options.forced})`);
  }
  if (bom) return decodeAs(bytes, bom.encoding, bom.length, ` (after its ${BOM_LABEL[bom.encoding]} byte-order mark)`);
  const utf16 = looksLikeBomlessUtf16(bytes);
  if (utf16)
    return {
      ok: false,
      line: 1,
      message: `looks like ${BOM_LABEL[utf16]} without a byte-order mark: ${hint(utf16)}`,
    };
  if (options.declared !== undefined) {
    const declared = encodingName(options.declared);
    if (declared === undefined)
      return { ok: false, line: 1, message: `declares the unknown encoding "${options.declared}"` };
    return decodeAs(bytes, declared, 0, ` (as its XML declaration says)`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { ok: true, text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  const gb = readsAsGb18030(bytes);
  if (gb?.chinese) return { ok: true, text: gb.text, encoding: 'gb18030' };
  return {
    ok: false,
    line: lineAtByte(bytes, bad),
    message: gb
      ? `byte ${bad} is not valid UTF-8; it decodes as GB18030 but does not read as Chinese text (Latin-1?): give its encoding with --encoding`
      : `byte ${bad} is not valid UTF-8, and the file does not read as GB18030 either: give its encoding with --encoding`,
  };
}

const XML_DECLARATION = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** The encoding an XML declaration names (ASCII-compatible files only). */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return XML_DECLARATION.exec(head)?.[1];
}
