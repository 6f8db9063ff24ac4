import { describe, expect, it } from 'vitest';
import { soapEnvelope, soapPairs } from './soap.ts';

const envelope = (body: string) => `<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;

describe('soapPairs', () => {
  it('reads an SRW request as the URL binding\'s parameters, character references decoded and empty elements left out', () => {
    const body = envelope('<zs:searchRetrieveRequest xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.2</zs:version><zs:query>dc.creator = "L&#xE2;m S&#xF3;c Kha" and dc.date &lt; 2000</zs:query><zs:startRecord>1</zs:startRecord><zs:recordPacking></zs:recordPacking></zs:searchRetrieveRequest>');
    expect(soapPairs(body)).toEqual([['operation', 'searchRetrieve'], ['version', '1.2'], ['query', 'dc.creator = "Lâm Sóc Kha" and dc.date < 2000'], ['startRecord', '1']]);
  });

  it.each([
    ['an explainRequest', envelope('<explainRequest><version>1.1</version></explainRequest>'), [['operation', 'explain'], ['version', '1.1']]],
    ['another request', envelope('<deleteRequest/>'), null],
    ['a body that is not SOAP', '<searchRetrieveRequest><query>a</query></searchRetrieveRequest>', null],
    ['text that is not XML', 'query=a', null],
  ])('reads %s', (_what, body, expected) => {
    expect(soapPairs(body)).toEqual(expected);
  });
});

describe('soapEnvelope', () => {
  it('wraps the answer, its XML declaration dropped', () => {
    expect(soapEnvelope('<?xml version="1.0" encoding="UTF-8"?><a/>')).toBe('<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><a/></SOAP-ENV:Body></SOAP-ENV:Envelope>');
  });
});
