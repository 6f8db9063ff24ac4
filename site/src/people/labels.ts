import type { AccountStatus } from '@disan/schemas';
import type { Translate } from '../i18n/translate.ts';
import type { AccountRoleName } from '../api/account-client.ts';

export const ROLE_LABELS = { admin: 'accountRole.admin', archivist: 'accountRole.archivist', reviewer: 'accountRole.reviewer', researcher: 'accountRole.researcher' } as const;
const STATUS_LABELS = { invited: 'accountStatus.invited', active: 'accountStatus.active', disabled: 'accountStatus.disabled' } as const;

export const roleLabel = (role: AccountRoleName, t: Translate): string => t(ROLE_LABELS[role]);
export const statusLabel = (status: AccountStatus, t: Translate): string => t(STATUS_LABELS[status]);
