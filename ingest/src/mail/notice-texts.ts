import type { INTERFACE_LANGUAGES, TokenScope } from '@disan/schemas';
import type { AccountRole } from '../access/viewer.ts';

type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/**
 * Security notices (OWASP ASVS 4.0.3 2.2.3, 2.5.5, 2.8.5): what happened to an account,
 * mailed to its holder so that a change they did not make does not go unnoticed.
 */
export const NOTICE_EVENTS = [
  'password-changed',
  'password-reset',
  'second-factor-on',
  'second-factor-off',
  'recovery-code-used',
  'totp-replayed',
  'token-created',
  'token-expiring',
  'account-disabled',
  'account-enabled',
  'roles-changed',
] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/**
 * What happened, by event. Only facts a holder may read in a mailbox: never a password,
 * a link, a token or a code, which is why no shape has a field that could carry one.
 */
export type NoticeFacts =
  | { event: Exclude<NoticeEvent, 'token-created' | 'token-expiring' | 'roles-changed'> }
  | { event: 'token-created'; tokenName: string; scope: TokenScope }
  /** ASVS 2.3.3: renewal instructions in time; `expiresAt` is ISO 8601. */
  | { event: 'token-expiring'; tokenName: string; expiresAt: string }
  | { event: 'roles-changed'; added: AccountRole[]; removed: AccountRole[] };

export type Notice = NoticeFacts & {
  /** When it happened (ISO 8601). */
  at: string;
  /** The address it came from, when the holder acted (or someone acting as them). */
  address?: string | undefined;
};

/** What an administrator (or the operator) did to the account, not the holder: the advice differs. */
export const ADMIN_EVENTS: ReadonlySet<NoticeEvent> = new Set(['account-disabled', 'account-enabled', 'roles-changed']);

/** Reminders of what is coming, not reports of what someone did: no "if it was not you". */
export const REMINDER_EVENTS: ReadonlySet<NoticeEvent> = new Set(['token-expiring']);

interface NoticeTexts {
  /** BCP 47 tag for dates. */
  locale: string;
  greeting: string;
  when: string;
  from: string;
  /** After something the holder would have done themselves. */
  adviceSelf: string;
  /** After something an administrator did. */
  adviceAdmin: string;
  /** After a reminder. */
  adviceReminder: string;
  none: string;
  listSeparator: string;
  roles: Record<AccountRole, string>;
  scopes: Record<TokenScope, string>;
  events: Record<NoticeEvent, { subject: string; body: string }>;
}

/** Placeholders: {name}, {time}, {address}, {tokenName}, {scope}, {expires}, {added}, {removed}. */
export const NOTICE_TEXTS: Record<InterfaceLanguage, NoticeTexts> = {
  vi: {
    locale: 'vi',
    greeting: 'Xin chào {name},',
    when: 'Thời điểm: {time} (UTC)',
    from: 'Từ địa chỉ IP: {address}',
    adviceSelf: 'Nếu đó không phải là bạn, hãy liên hệ ngay với quản trị viên của kho lưu trữ.',
    adviceAdmin: 'Nếu bạn không chờ đợi thay đổi này, hãy liên hệ với quản trị viên của kho lưu trữ.',
    adviceReminder: 'Nếu bạn không còn dùng mã này, bạn không cần làm gì: mã sẽ tự ngừng hoạt động.',
    none: 'không có',
    listSeparator: ', ',
    roles: { admin: 'quản trị viên', archivist: 'lưu trữ viên', reviewer: 'người duyệt', researcher: 'nhà nghiên cứu' },
    scopes: { read: 'chỉ đọc', write: 'đọc và ghi' },
    events: {
      'password-changed': { subject: 'Mật khẩu Disan của bạn đã được thay đổi', body: 'Mật khẩu tài khoản Disan của bạn vừa được thay đổi. Các phiên đăng nhập khác đã bị đăng xuất.' },
      'password-reset': { subject: 'Mật khẩu Disan của bạn đã được đặt lại', body: 'Mật khẩu tài khoản Disan của bạn vừa được đặt lại bằng một liên kết đặt lại mật khẩu. Mọi phiên đăng nhập đã bị đăng xuất.' },
      'second-factor-on': { subject: 'Đã bật xác thực hai bước', body: 'Xác thực hai bước (ứng dụng xác thực) vừa được bật cho tài khoản Disan của bạn.' },
      'second-factor-off': { subject: 'Đã tắt xác thực hai bước', body: 'Xác thực hai bước vừa được tắt cho tài khoản Disan của bạn: từ giờ chỉ cần mật khẩu để đăng nhập.' },
      'recovery-code-used': { subject: 'Một mã khôi phục đã được dùng', body: 'Một mã khôi phục vừa được dùng để đăng nhập vào tài khoản Disan của bạn. Mỗi mã chỉ dùng được một lần.' },
      'totp-replayed': {
        subject: 'Một mã xác thực đã dùng rồi bị từ chối',
        body: 'Có người vừa nhập một mã từ ứng dụng xác thực của bạn đã được dùng trước đó, và mã này bị từ chối. Người đó biết mật khẩu của bạn: nếu không phải bạn, hãy đổi mật khẩu ngay.',
      },
      'token-created': { subject: 'Đã tạo mã truy cập API mới', body: 'Một mã truy cập API cá nhân tên "{tokenName}" ({scope}) vừa được tạo cho tài khoản Disan của bạn. Bạn có thể thu hồi nó trên trang tài khoản.' },
      'token-expiring': {
        subject: 'Mã truy cập API của bạn sắp hết hạn',
        body: 'Mã truy cập API cá nhân “{tokenName}” của tài khoản Disan của bạn sẽ hết hạn vào {expires} (UTC). Để tiếp tục dùng, hãy tạo một mã mới trên trang “Mã truy cập API” trong tài khoản của bạn, thay mã cũ bằng mã mới ở những nơi đang dùng, rồi thu hồi mã cũ.',
      },
      'account-disabled': { subject: 'Tài khoản Disan của bạn đã bị vô hiệu hóa', body: 'Quản trị viên đã vô hiệu hóa tài khoản Disan của bạn: bạn không thể đăng nhập nữa và mọi phiên đăng nhập đã kết thúc.' },
      'account-enabled': { subject: 'Tài khoản Disan của bạn đã được kích hoạt lại', body: 'Quản trị viên đã kích hoạt lại tài khoản Disan của bạn.' },
      'roles-changed': { subject: 'Vai trò của bạn trong Disan đã thay đổi', body: 'Quản trị viên đã thay đổi vai trò của bạn trong kho lưu trữ Disan.\nĐã thêm: {added}\nĐã bỏ: {removed}' },
    },
  },
  en: {
    locale: 'en',
    greeting: 'Hello {name},',
    when: 'When: {time} (UTC)',
    from: 'From the IP address: {address}',
    adviceSelf: 'If this was not you, contact an administrator of the archive at once.',
    adviceAdmin: 'If you did not expect this change, contact an administrator of the archive.',
    adviceReminder: 'If you no longer use this token, there is nothing to do: it stops working by itself.',
    none: 'none',
    listSeparator: ', ',
    roles: { admin: 'administrator', archivist: 'archivist', reviewer: 'reviewer', researcher: 'researcher' },
    scopes: { read: 'read only', write: 'read and write' },
    events: {
      'password-changed': { subject: 'Your Disan password was changed', body: 'The password of your Disan account was just changed. Your other sessions were signed out.' },
      'password-reset': { subject: 'Your Disan password was reset', body: 'The password of your Disan account was just reset with a password reset link. Every session was signed out.' },
      'second-factor-on': { subject: 'Second factor turned on', body: 'The second factor (an authenticator app) was just turned on for your Disan account.' },
      'second-factor-off': { subject: 'Second factor turned off', body: 'The second factor was just turned off for your Disan account: signing in now needs only the password.' },
      'recovery-code-used': { subject: 'A recovery code was used', body: 'A recovery code was just used to sign in to your Disan account. Each code works only once.' },
      'totp-replayed': {
        subject: 'A code that was already used was refused',
        body: 'Someone just typed a code from your authenticator app that had already been used, and it was refused. Whoever typed it knows your password: if it was not you, change your password now.',
      },
      'token-created': { subject: 'New API token created', body: 'A personal API token named "{tokenName}" ({scope}) was just created for your Disan account. You can revoke it on your account page.' },
      'token-expiring': {
        subject: 'Your API token expires soon',
        body: 'The personal API token "{tokenName}" of your Disan account expires on {expires} (UTC). To keep working, create a new token on the "API tokens" page of your account, put it in place of the old one wherever it is used, then revoke the old one.',
      },
      'account-disabled': { subject: 'Your Disan account was disabled', body: 'An administrator disabled your Disan account: you can no longer sign in, and every session was ended.' },
      'account-enabled': { subject: 'Your Disan account was enabled again', body: 'An administrator enabled your Disan account again.' },
      'roles-changed': { subject: 'Your roles in Disan changed', body: 'An administrator changed your roles in the Disan archive.\nAdded: {added}\nRemoved: {removed}' },
    },
  },
  km: {
    locale: 'km',
    greeting: 'សួស្តី {name},',
    when: 'ពេលវេលា៖ {time} (UTC)',
    from: 'ពីអាសយដ្ឋាន IP៖ {address}',
    adviceSelf: 'ប្រសិនបើមិនមែនជាអ្នកទេ សូមទាក់ទងអ្នកគ្រប់គ្រងបណ្ណសារភ្លាមៗ។',
    adviceAdmin: 'ប្រសិនបើអ្នកមិនបានរំពឹងការផ្លាស់ប្តូរនេះទេ សូមទាក់ទងអ្នកគ្រប់គ្រងបណ្ណសារ។',
    adviceReminder: 'ប្រសិនបើអ្នកលែងប្រើថូខឹននេះហើយ អ្នកមិនចាំបាច់ធ្វើអ្វីទេ៖ វានឹងឈប់ដំណើរការដោយខ្លួនឯង។',
    none: 'គ្មាន',
    listSeparator: ', ',
    roles: { admin: 'អ្នកគ្រប់គ្រង', archivist: 'អ្នកថែរក្សាបណ្ណសារ', reviewer: 'អ្នកត្រួតពិនិត្យ', researcher: 'អ្នកស្រាវជ្រាវ' },
    scopes: { read: 'អានប៉ុណ្ណោះ', write: 'អាន និងសរសេរ' },
    events: {
      'password-changed': { subject: 'ពាក្យសម្ងាត់ Disan របស់អ្នកត្រូវបានផ្លាស់ប្តូរ', body: 'ពាក្យសម្ងាត់នៃគណនី Disan របស់អ្នកទើបតែត្រូវបានផ្លាស់ប្តូរ។ វគ្គចូលផ្សេងទៀតរបស់អ្នកត្រូវបានចាកចេញ។' },
      'password-reset': {
        subject: 'ពាក្យសម្ងាត់ Disan របស់អ្នកត្រូវបានកំណត់ឡើងវិញ',
        body: 'ពាក្យសម្ងាត់នៃគណនី Disan របស់អ្នកទើបតែត្រូវបានកំណត់ឡើងវិញតាមរយៈតំណកំណត់ពាក្យសម្ងាត់ឡើងវិញ។ វគ្គចូលទាំងអស់ត្រូវបានចាកចេញ។',
      },
      'second-factor-on': { subject: 'ការផ្ទៀងផ្ទាត់ពីរជំហានត្រូវបានបើក', body: 'ការផ្ទៀងផ្ទាត់ពីរជំហាន (កម្មវិធីផ្ទៀងផ្ទាត់) ទើបតែត្រូវបានបើកសម្រាប់គណនី Disan របស់អ្នក។' },
      'second-factor-off': { subject: 'ការផ្ទៀងផ្ទាត់ពីរជំហានត្រូវបានបិទ', body: 'ការផ្ទៀងផ្ទាត់ពីរជំហានទើបតែត្រូវបានបិទសម្រាប់គណនី Disan របស់អ្នក៖ ឥឡូវនេះការចូលត្រូវការតែពាក្យសម្ងាត់ប៉ុណ្ណោះ។' },
      'recovery-code-used': { subject: 'លេខកូដសង្គ្រោះមួយត្រូវបានប្រើ', body: 'លេខកូដសង្គ្រោះមួយទើបតែត្រូវបានប្រើដើម្បីចូលគណនី Disan របស់អ្នក។ លេខកូដនីមួយៗប្រើបានតែម្តងប៉ុណ្ណោះ។' },
      'totp-replayed': {
        subject: 'លេខកូដដែលបានប្រើរួចត្រូវបានបដិសេធ',
        body: 'មាននរណាម្នាក់ទើបតែវាយបញ្ចូលលេខកូដពីកម្មវិធីផ្ទៀងផ្ទាត់របស់អ្នក ដែលត្រូវបានប្រើរួចហើយ ហើយវាត្រូវបានបដិសេធ។ អ្នកនោះដឹងពាក្យសម្ងាត់របស់អ្នក៖ ប្រសិនបើមិនមែនជាអ្នកទេ សូមប្តូរពាក្យសម្ងាត់ភ្លាមៗ។',
      },
      'token-created': {
        subject: 'សញ្ញាសម្គាល់ API ថ្មីត្រូវបានបង្កើត',
        body: 'សញ្ញាសម្គាល់ API ផ្ទាល់ខ្លួនឈ្មោះ "{tokenName}" ({scope}) ទើបតែត្រូវបានបង្កើតសម្រាប់គណនី Disan របស់អ្នក។ អ្នកអាចដកហូតវាវិញនៅលើទំព័រគណនីរបស់អ្នក។',
      },
      'token-expiring': {
        subject: 'ថូខឹន API របស់អ្នកជិតផុតកំណត់',
        body: 'ថូខឹន API ផ្ទាល់ខ្លួន “{tokenName}” នៃគណនី Disan របស់អ្នកនឹងផុតកំណត់នៅ {expires} (UTC)។ ដើម្បីបន្តប្រើ សូមបង្កើតថូខឹនថ្មីនៅលើទំព័រ “ថូខឹន API” នៃគណនីរបស់អ្នក ដាក់វាជំនួសថូខឹនចាស់នៅគ្រប់កន្លែងដែលកំពុងប្រើ រួចដកហូតថូខឹនចាស់។',
      },
      'account-disabled': { subject: 'គណនី Disan របស់អ្នកត្រូវបានបិទ', body: 'អ្នកគ្រប់គ្រងបានបិទគណនី Disan របស់អ្នក៖ អ្នកមិនអាចចូលបានទៀតទេ ហើយវគ្គចូលទាំងអស់ត្រូវបានបញ្ចប់។' },
      'account-enabled': { subject: 'គណនី Disan របស់អ្នកត្រូវបានបើកឡើងវិញ', body: 'អ្នកគ្រប់គ្រងបានបើកគណនី Disan របស់អ្នកឡើងវិញ។' },
      'roles-changed': { subject: 'តួនាទីរបស់អ្នកក្នុង Disan ត្រូវបានផ្លាស់ប្តូរ', body: 'អ្នកគ្រប់គ្រងបានផ្លាស់ប្តូរតួនាទីរបស់អ្នកក្នុងបណ្ណសារ Disan។\nបានបន្ថែម៖ {added}\nបានដកចេញ៖ {removed}' },
    },
  },
  zh: {
    locale: 'zh',
    greeting: '{name}，您好：',
    when: '时间：{time}（UTC）',
    from: '来源 IP 地址：{address}',
    adviceSelf: '如果这不是您本人的操作，请立即联系档案库的管理员。',
    adviceAdmin: '如果您没有预料到此变更，请联系档案库的管理员。',
    adviceReminder: '如果您已不再使用此令牌，则无需任何操作：它会自动失效。',
    none: '无',
    listSeparator: '、',
    roles: { admin: '管理员', archivist: '档案员', reviewer: '审核员', researcher: '研究人员' },
    scopes: { read: '只读', write: '读写' },
    events: {
      'password-changed': { subject: '您的 Disan 密码已更改', body: '您 Disan 账户的密码刚刚被更改。您的其他登录会话已全部退出。' },
      'password-reset': { subject: '您的 Disan 密码已重置', body: '您 Disan 账户的密码刚刚通过密码重置链接被重置。所有登录会话已全部退出。' },
      'second-factor-on': { subject: '双重验证已开启', body: '您的 Disan 账户刚刚开启了双重验证（身份验证器应用）。' },
      'second-factor-off': { subject: '双重验证已关闭', body: '您的 Disan 账户刚刚关闭了双重验证：现在登录只需要密码。' },
      'recovery-code-used': { subject: '一个恢复码已被使用', body: '刚刚有人使用一个恢复码登录了您的 Disan 账户。每个恢复码只能使用一次。' },
      'totp-replayed': {
        subject: '一个已使用过的验证码被拒绝',
        body: '刚刚有人输入了您身份验证器应用中一个已经使用过的验证码，该验证码已被拒绝。此人知道您的密码：如果不是您本人，请立即更改密码。',
      },
      'token-created': { subject: '已创建新的 API 令牌', body: '您的 Disan 账户刚刚创建了一个名为“{tokenName}”（{scope}）的个人 API 令牌。您可以在账户页面将其撤销。' },
      'token-expiring': {
        subject: '您的 API 令牌即将过期',
        body: '您 Disan 账户中名为“{tokenName}”的个人 API 令牌将于 {expires}（UTC）过期。如需继续使用，请在账户的“API 令牌”页面创建一个新令牌，在所有使用旧令牌的地方换成新令牌，然后撤销旧令牌。',
      },
      'account-disabled': { subject: '您的 Disan 账户已被停用', body: '管理员停用了您的 Disan 账户：您将无法登录，所有登录会话已结束。' },
      'account-enabled': { subject: '您的 Disan 账户已重新启用', body: '管理员重新启用了您的 Disan 账户。' },
      'roles-changed': { subject: '您在 Disan 的角色已变更', body: '管理员变更了您在 Disan 档案库中的角色。\n新增：{added}\n移除：{removed}' },
    },
  },
};
