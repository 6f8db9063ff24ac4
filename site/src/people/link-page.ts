import type { AccountClient, LinkInfoAnswer as LinkInfo } from '../api/account-client.ts';
import type { Visitor } from '../api/transport.ts';
import { ApiNotFoundError, ApiRefusal } from '../api/errors.ts';
import { attempt, readForm, refusalMessage, seeOther, type FormErrors } from '../forms/form.ts';
import type { Lang } from '../i18n/langs.ts';
import { localizedPath } from '../i18n/paths.ts';
import { passwordProblems } from './password.ts';

export type LinkPage =
  | { kind: 'form'; link: LinkInfo; errors: FormErrors; status: number }
  | { kind: 'gone'; status: 404 }
  | { kind: 'done'; response: Response };


/**
 * The invitation and reset pages: a one-time link (`/welcome/<token>`,
 * `/reset-password/<token>`) on which the person chooses a password. Posted, the
 * password goes to the API (policy problems come back beside the field); then to the
 * sign-in page, which says it worked.
 */
export async function linkPage(options: { request: Request; accounts: AccountClient; visitor: Visitor; lang: Lang; token: string }): Promise<LinkPage> {
  const { accounts, lang, token } = options;
  let link: LinkInfo;
  try {
    link = await accounts.link(token);
  } catch (error) {
    // Unknown, used, expired, or not even the shape of a link (the API's 400): all the same to the person.
    if (error instanceof ApiNotFoundError || (error instanceof ApiRefusal && error.status === 400)) return { kind: 'gone', status: 404 };
    throw error;
  }
  if (options.request.method !== 'POST') return { kind: 'form', link, errors: {}, status: 200 };
  const form = await readForm(options.request, options.visitor);
  const password = form.raw('password');
  const again = form.raw('again');
  if (password === '') return { kind: 'form', link, errors: { password: { id: 'form.required' } }, status: 422 };
  if (password !== again) return { kind: 'form', link, errors: { again: { id: 'password.mismatch' } }, status: 422 };
  const used = await attempt(() => accounts.useLink(token, password));
  if (used.ok) return { kind: 'done', response: seeOther(localizedPath(lang, '/sign-in'), 'passwordSet') };
  if (used.error instanceof ApiNotFoundError) return { kind: 'gone', status: 404 };
  const errors = used.error.status === 422 || used.error.problems.length > 0 ? { password: passwordProblems(used.error.problems) } : { form: refusalMessage(used.error) };
  return { kind: 'form', link, errors, status: used.error.status };
}
