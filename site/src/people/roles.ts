import { ACCOUNT_ROLE_NAMES } from '@disan/schemas';
import type { AccountRoleName } from '../api/account-client.ts';
import type { PostedForm } from '../forms/form.ts';

/** The roles ticked on a form, known ones only, in their usual order. */
export function postedRoles(form: PostedForm): AccountRoleName[] {
  const ticked = form.all('roles');
  return ACCOUNT_ROLE_NAMES.filter((role) => ticked.includes(role));
}

/**
 * Community memberships from two groups of boxes: "member of" and "steward of" (a
 * steward is a member too).
 * @example postedMemberships(['a'], ['b'], ['a', 'b']) // [{ community: 'a', steward: false }, { community: 'b', steward: true }]
 */
export function postedMemberships(memberOf: readonly string[], stewardOf: readonly string[], known: readonly string[]): { community: string; steward: boolean }[] {
  return known.filter((id) => memberOf.includes(id) || stewardOf.includes(id)).map((community) => ({ community, steward: stewardOf.includes(community) }));
}
