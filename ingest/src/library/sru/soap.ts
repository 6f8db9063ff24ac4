import { XMLParser } from 'fast-xml-parser';

const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** The SRW request elements of SRU 1.1/1.2's SOAP binding, and the operation each asks for. */
const OPERATIONS: Record<string, string> = { searchRetrieveRequest: 'searchRetrieve', explainRequest: 'explain', scanRequest: 'scan' };

// htmlEntities also decodes character references (yaz-client writes "Lâm" as "L&#xE2;m").
const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: true });

/**
 * The parameters of an SRW (SRU over SOAP) request, as the URL binding would carry them:
 * the body's request element names the operation, its children the parameters. yaz-client
 * speaks this binding unless told `sru get`. Null when the body is not an SRW envelope.
 * @example soapPairs('<Envelope><Body><searchRetrieveRequest><version>1.2</version><query>a</query></searchRetrieveRequest></Body></Envelope>')
 * // [['operation', 'searchRetrieve'], ['version', '1.2'], ['query', 'a']]
 */
export function soapPairs(body: string): [string, string][] | null {
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch {
    return null;
  }
  const envelope = (parsed as { Envelope?: { Body?: Record<string, unknown> } }).Envelope;
  const requestBody = envelope?.Body;
  if (!requestBody || typeof requestBody !== 'object') return null;
  const [name, request] = Object.entries(requestBody).find(([key]) => key in OPERATIONS) ?? [];
  if (name === undefined) return null;
  const pairs: [string, string][] = [['operation', OPERATIONS[name]!]];
  for (const [key, value] of Object.entries(request && typeof request === 'object' ? request : {})) {
    // Repeated or structured parameters (extraRequestData…) are passed on as they are, for the provider to judge.
    for (const each of Array.isArray(value) ? (value as unknown[]) : [value]) {
      // An empty element is a parameter not given (clients write every element of the request type).
      if (each !== '') pairs.push([key, typeof each === 'string' ? each : JSON.stringify(each)]);
    }
  }
  return pairs;
}

/** An SRU answer (an XML document) in a SOAP 1.1 envelope. */
export function soapEnvelope(answer: string): string {
  const body = answer.replace(/^<\?xml[^>]*\?>/u, '');
  return `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_NS}"><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}
