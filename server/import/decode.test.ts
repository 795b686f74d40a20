import { describe, expect, it } from 'vitest';
import { decode, encodingName, firstInvalidUtf8, lineAtByte, xmlDeclaredEncoding } from './decode.ts';

const enc = new TextEncoder();
// 海尔集团 in GB18030
const GB = [0xba, 0xa3, 0xb6, 0xfb, 0xbc, 0xaf, 0xcd, 0xc5];

describe('decode', () => {
  it('detects UTF-8, with or without a BOM', () => {
    expect(decode(enc.encode('id,名称'))).toEqual({ ok: true, text: 'id,名称', encoding: 'utf-8' });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('a')]))).toEqual({
      ok: true,
      text: 'a',
      encoding: 'utf-8',
    });
  });

  it('detects UTF-16 by its BOM', () => {
    expect(decode(new Uint8Array([0xff, 0xfe, 0x77, 0x6d, 0x41, 0x00]))).toEqual({
      ok: true,
      text: '海A',
      encoding: 'utf-16le',
    });
    expect(decode(new Uint8Array([0xfe, 0xff, 0x6d, 0x77, 0x00, 0x41]))).toEqual({
      ok: true,
      text: '海A',
      encoding: 'utf-16be',
    });
  });

  it('falls back to GB18030 when the bytes read as Chinese', () => {
    expect(decode(new Uint8Array([...enc.encode('name\n'), ...GB]))).toEqual({
      ok: true,
      text: 'name\n海尔集团',
      encoding: 'gb18030',
    });
  });

  it('does not take Latin-1 for GB18030', () => {
    // "Müller; café au lait" in Latin-1: GB18030 decodes "Mü" + "ller" as "M黮ler", but ü is
    // followed by an ASCII letter (outside the GB2312 area), and é by a space (invalid).
    const latin1 = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(latin1)).toBe('M黮ler\nM黮ler');
    expect(decode(latin1)).toEqual({
      ok: false,
      line: 1,
      message:
        'byte 1 is not valid UTF-8; it decodes as GB18030 but does not read as Chinese text (Latin-1?): give its encoding with --encoding',
    });
    expect(decode(latin1, { forced: 'latin1' })).toEqual({
      ok: true,
      text: 'Müller\nMüller',
      encoding: 'windows-1252',
    });
    expect(decode(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20]))).toEqual({
      ok: false,
      line: 1,
      message:
        'byte 3 is not valid UTF-8, and the file does not read as GB18030 either: give its encoding with --encoding',
    });
  });

  it('uses a forced encoding, and says what the bytes look like when it is wrong', () => {
    expect(decode(new Uint8Array(GB), { forced: 'gb18030' })).toEqual({
      ok: true,
      text: '海尔集团',
      encoding: 'gb18030',
    });
    expect(decode(new Uint8Array([...enc.encode('a\nb\n'), ...GB]), { forced: 'utf8' })).toEqual({
      ok: false,
      line: 3,
      message: 'byte 4 is not valid UTF-8 (--encoding utf8); it looks like GB18030: try --encoding gb18030',
    });
    expect(decode(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), { forced: 'utf-16le' })).toEqual({
      ok: true,
      text: 'A',
      encoding: 'utf-16le',
    });
    expect(decode(new Uint8Array([0x81]), { forced: 'gb18030' })).toEqual({
      ok: false,
      message: 'is not valid GB18030 text (--encoding gb18030); give the file’s encoding with --encoding',
    });
  });

  it('recognises UTF-16 without a BOM', () => {
    const le = new Uint8Array([...'id,name'].flatMap((c) => [c.charCodeAt(0), 0]));
    const be = new Uint8Array([...'id,name'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decode(le)).toEqual({
      ok: false,
      line: 1,
      message: 'looks like UTF-16LE without a byte-order mark: try --encoding utf-16le',
    });
    expect(decode(be)).toEqual({
      ok: false,
      line: 1,
      message: 'looks like UTF-16BE without a byte-order mark: try --encoding utf-16be',
    });
  });

  it('follows an XML declaration', () => {
    const xml = new Uint8Array([...enc.encode('<?xml version="1.0" encoding="GBK"?><a>'), ...GB]);
    expect(xmlDeclaredEncoding(xml)).toBe('GBK');
    expect(decode(xml, { declared: 'GBK' })).toMatchObject({ ok: true, encoding: 'gbk' });
    expect(xmlDeclaredEncoding(enc.encode('<gexf/>'))).toBeUndefined();
    expect(decode(enc.encode('<a/>'), { declared: 'EBCDIC-42' })).toEqual({
      ok: false,
      line: 1,
      message: 'declares the unknown encoding "EBCDIC-42"',
    });
  });
});

describe('helpers', () => {
  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(enc.encode('海尔 ok'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe6, 0xb5]))).toBe(2); // truncated
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
  });

  it('counts lines and names encodings', () => {
    expect(lineAtByte(enc.encode('a\nb\nc'), 4)).toBe(3);
    expect(encodingName('UTF8')).toBe('utf-8');
    expect(encodingName('GB2312')).toBe('gbk');
    expect(encodingName('nope')).toBeUndefined();
  });
});
