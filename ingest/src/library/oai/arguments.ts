import { oaiError, type OaiError } from './errors.ts';

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'] as const;
export type Verb = (typeof VERBS)[number];

/** Each verb's arguments: required, optional, and the exclusive one (resumptionToken) that stands alone. */
const ARGUMENTS: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

export type Arguments = Partial<Record<'identifier' | 'metadataPrefix' | 'from' | 'until' | 'set' | 'resumptionToken', string>>;

export type ParsedRequest = { ok: true; verb: Verb; args: Arguments } | { ok: false; errors: OaiError[] };

/**
 * The request's verb and arguments, or the errors the protocol asks for: badVerb for a
 * missing, repeated or unknown verb; badArgument for a missing, repeated, unknown or empty
 * argument, or the exclusive resumptionToken with others. Pairs are taken as sent (the
 * query string or the form body), so a repeated argument is seen.
 * @example parseArguments([['verb', 'Identify']]) // { ok: true, verb: 'Identify', args: {} }
 */
export function parseArguments(pairs: readonly (readonly [string, string])[]): ParsedRequest {
  const verbs = pairs.filter(([name]) => name === 'verb').map(([, value]) => value);
  if (verbs.length !== 1) return { ok: false, errors: [oaiError('badVerb', verbs.length === 0 ? 'The verb argument is missing' : 'The verb argument is repeated')] };
  const verb = VERBS.find((v) => v === verbs[0]);
  if (!verb) return { ok: false, errors: [oaiError('badVerb', `"${verbs[0]}" is not an OAI-PMH verb; the verbs are ${VERBS.join(', ')}`)] };
  const rule = ARGUMENTS[verb];
  const allowed = new Set([...rule.required, ...rule.optional, ...(rule.exclusive ? [rule.exclusive] : [])]);
  const errors: OaiError[] = [];
  const args: Record<string, string> = {};
  for (const [name, value] of pairs) {
    if (name === 'verb') continue;
    if (!allowed.has(name)) errors.push(oaiError('badArgument', `${verb} takes no argument "${name}"`));
    else if (name in args) errors.push(oaiError('badArgument', `The argument ${name} is repeated`));
    else if (value === '') errors.push(oaiError('badArgument', `The argument ${name} is empty`));
    else args[name] = value;
  }
  if (rule.exclusive && args[rule.exclusive] !== undefined) {
    const others = Object.keys(args).filter((name) => name !== rule.exclusive);
    if (others.length > 0) errors.push(oaiError('badArgument', `${rule.exclusive} is exclusive: send it alone, without ${others.join(', ')}`));
  } else {
    for (const name of rule.required) if (args[name] === undefined && !errors.some((e) => e.message.includes(name))) errors.push(oaiError('badArgument', `${verb} needs the argument ${name}`));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, verb, args };
}
