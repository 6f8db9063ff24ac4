import { describe, expect, it } from 'vitest';
import { safeSnippet } from '../lib/load.ts';
import { chooseEncoding, compressResponse, isCompressible } from './compress.ts';
import { forwardHeaders, responseHeaders } from './proxy.ts';
import { brotliDecompressSync } from 'node:zlib';

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', null],
    ['*', 'gzip'],
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

describe('proxy headers', () => {
  it('passes conditional and range headers on, drops hop-by-hop ones, adds X-Forwarded-*', () => {
    const out = forwardHeaders(
      { range: 'bytes=0-99', 'if-none-match': '"abc"', 'if-range': '"abc"', connection: 'keep-alive', host: 'site', 'x-forwarded-for': '1.2.3.4', 'accept-encoding': 'br' },
      '10.0.0.9',
      'heritage.example.org',
    );
    expect(out).toEqual({
      range: 'bytes=0-99',
      'if-none-match': '"abc"',
      'if-range': '"abc"',
      'accept-encoding': 'br',
      'x-forwarded-for': '1.2.3.4, 10.0.0.9',
      'x-forwarded-host': 'heritage.example.org',
      'x-forwarded-proto': 'http',
    });
  });

  it('gives the visitor the API answer headers but not its connection headers', () => {
    expect(responseHeaders({ etag: '"x"', 'content-range': 'bytes 0-9/100', 'transfer-encoding': 'chunked', connection: 'close' })).toEqual({ etag: '"x"', 'content-range': 'bytes 0-9/100' });
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
