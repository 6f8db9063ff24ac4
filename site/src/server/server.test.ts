import { describe, expect, it } from 'vitest';
import { safeSnippet } from '../lib/load.ts';
import { chooseEncoding, compressResponse, isCompressible } from './compress.ts';
import { brotliDecompressSync } from 'node:zlib';

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', null],
    ['*', 'br'],
    [undefined, null],
  ] as const)('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('isCompressible', () => {
  it.each([
    ['text/html; charset=utf-8', true],
    ['application/json', true],
    ['image/svg+xml', true],
    ['image/webp', false],
    ['video/mp4', false],
    [null, false],
  ] as const)('%s → %s', (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });
});

describe('compressResponse', () => {
  const request = (encoding: string, method = 'GET') => new Request('http://site/', { method, headers: { 'accept-encoding': encoding } });
  const html = () => new Response('<p>xin chào</p>'.repeat(100), { headers: { 'content-type': 'text/html', 'content-length': '1700' } });

  it('streams HTML through Brotli and drops the stale length', async () => {
    const out = compressResponse(request('br'), html());
    expect(out.headers.get('content-encoding')).toBe('br');
    expect(out.headers.get('content-length')).toBeNull();
    expect(out.headers.get('vary')).toContain('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await out.arrayBuffer())).toString()).toBe('<p>xin chào</p>'.repeat(100));
  });

  it.each([
    ['a client that accepts nothing', request('identity'), html()],
    ['an image', request('br'), new Response('x', { headers: { 'content-type': 'image/webp' } })],
    ['a partial answer', request('br'), new Response('x', { status: 206, headers: { 'content-type': 'text/html' } })],
    ['an answer already encoded', request('br'), new Response('x', { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' } })],
  ])('leaves %s alone', (_name, req, res) => {
    expect(compressResponse(req, res)).toBe(res);
  });
});

describe('safeSnippet', () => {
  it.each([
    ['le <mark>hội</mark> Khmer', 'le <mark>hội</mark> Khmer'],
    ['a &lt;b&gt; <mark>c</mark>', 'a &lt;b&gt; <mark>c</mark>'],
    ['<img src=x onerror=alert(1)><mark>x</mark>', '&lt;img src=x onerror=alert(1)><mark>x</mark>'],
    ['<mark onclick=x>y</mark>', '&lt;mark onclick=x>y</mark>'],
    ['<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
  ])('%s → %s', (input, expected) => {
    expect(safeSnippet(input)).toBe(expected);
  });
});
