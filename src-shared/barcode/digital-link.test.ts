import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from './digital-link';

const pairs = (uri: string) => {
  const result = parseDigitalLink(uri);
  if (!result || !result.ok) throw new Error(`not read: ${JSON.stringify(result)}`);
  return result.elements.map(({ ai, value }) => `${ai}=${value}`);
};
const codeOf = (uri: string) => {
  const result = parseDigitalLink(uri);
  return result === null ? 'not a digital link' : result.ok ? 'ok' : result.error.code;
};

describe('GS1 Digital Link URIs', () => {
  it('reads GTIN, lot and serial from the path and dates from the query (id.gs1.org)', () => {
    expect(pairs('https://id.gs1.org/01/09506000134352/10/ABC/21/S1?17=251231&3103=001250')).toEqual([
      '01=09506000134352',
      '10=ABC',
      '21=S1',
      '17=251231',
      '3103=001250',
    ]);
  });

  it('reads the Syntax Engine example on any domain, as a plain QR carries it', () => {
    expect(pairs('https://example.com/01/12312312312333?99=TEST')).toEqual(['01=12312312312333', '99=TEST']);
  });

  it('allows a path prefix of the brand\'s own, http, upper-case scheme and a trailing slash', () => {
    expect(pairs('HTTP://brand.example/products/en/01/09506000134352/')).toEqual(['01=09506000134352']);
  });

  it('widens a GTIN-13, -12 or -8 in the path to the 14 digits of AI (01)', () => {
    expect(pairs('https://example.com/01/9506000134352')).toEqual(['01=09506000134352']);
    expect(pairs('https://example.com/01/036000291452')).toEqual(['01=00036000291452']);
    expect(pairs('https://example.com/01/96385074')).toEqual(['01=00000096385074']);
  });

  it('decodes percent-encoded values and ignores non-AI query parameters and the fragment', () => {
    expect(pairs('https://example.com/01/09506000134352/10/AB%2FC?linkType=gs1:pip&17=251200#top')).toEqual([
      '01=09506000134352',
      '10=AB/C',
      '17=251200',
    ]);
  });

  it('reads an SSCC and a GLN with its extension', () => {
    expect(pairs('https://example.com/00/106141411234567897')).toEqual(['00=106141411234567897']);
    expect(pairs('https://example.com/414/9506000134352/254/DOCK-3')).toEqual(['414=9506000134352', '254=DOCK-3']);
  });

  it('is not a Digital Link when no GS1 primary key ends the path', () => {
    expect(codeOf('https://example.com/help')).toBe('not a digital link');
    expect(codeOf('https://example.com/10/ABC')).toBe('not a digital link');
    expect(codeOf('https://example.com')).toBe('not a digital link');
    expect(codeOf('ftp://example.com/01/09506000134352')).toBe('not a digital link');
  });

  it.each([
    ['a GTIN with a wrong check digit', 'https://id.gs1.org/01/09506000134353', 'barcode.bad-check-digit'],
    ['qualifiers out of order', 'https://id.gs1.org/01/09506000134352/21/S1/10/ABC', 'barcode.bad-digital-link'],
    ['a qualifier the key does not take', 'https://id.gs1.org/01/09506000134352/17/251231', 'barcode.bad-digital-link'],
    ['broken percent-encoding', 'https://id.gs1.org/01/09506000134352/10/AB%ZZ', 'barcode.bad-digital-link'],
    ['an unknown AI in the query', 'https://id.gs1.org/01/09506000134352?05=1', 'barcode.unknown-ai'],
    ['a bad expiry date in the query', 'https://id.gs1.org/01/09506000134352?17=251301', 'barcode.bad-date'],
    ['a lot with a space', 'https://id.gs1.org/01/09506000134352/10/A%20B', 'barcode.bad-character'],
  ])('rejects %s', (_what, uri, code) => {
    expect(codeOf(uri)).toBe(code);
  });
});
