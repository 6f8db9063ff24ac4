import type { LinkPurpose } from '@disan/schemas';

/**
 * The two mails Disan sends, in each interface language: short, plain text, saying what
 * the link does, that it works once, and when it stops working. Placeholders: {name},
 * {url}, {duration}.
 */
export const MAIL_TEXTS = {
  vi: {
    hours: '{n} giờ',
    minutes: '{n} phút',
    invitation: {
      subject: 'Lời mời tham gia Disan',
      body: 'Xin chào {name},\n\nBạn được mời tham gia kho lưu trữ Disan. Mở liên kết sau để đặt mật khẩu:\n{url}\n\nLiên kết chỉ dùng được một lần và hết hạn sau {duration}.\nNếu bạn không chờ thư này, hãy bỏ qua nó.\n',
    },
    reset: {
      subject: 'Đặt lại mật khẩu Disan',
      body: 'Xin chào {name},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản Disan của bạn. Mở liên kết sau để chọn mật khẩu mới:\n{url}\n\nLiên kết chỉ dùng được một lần và hết hạn sau {duration}.\nNếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.\n',
    },
  },
  en: {
    hours: '{n} hours',
    minutes: '{n} minutes',
    invitation: {
      subject: 'You are invited to Disan',
      body: 'Hello {name},\n\nYou have been invited to the Disan archive. Open this link to set your password:\n{url}\n\nThe link works once and expires in {duration}.\nIf you did not expect this message, ignore it.\n',
    },
    reset: {
      subject: 'Reset your Disan password',
      body: 'Hello {name},\n\nSomeone asked to reset the password of your Disan account. Open this link to choose a new one:\n{url}\n\nThe link works once and expires in {duration}.\nIf it was not you, ignore this message: your password stays as it is.\n',
    },
  },
  km: {
    hours: '{n} ម៉ោង',
    minutes: '{n} នាទី',
    invitation: {
      subject: 'ការអញ្ជើញចូលរួម Disan',
      body: 'សួស្តី {name},\n\nអ្នកត្រូវបានអញ្ជើញឱ្យចូលរួមបណ្ណសារ Disan។ សូមបើកតំណនេះដើម្បីកំណត់ពាក្យសម្ងាត់៖\n{url}\n\nតំណនេះប្រើបានតែម្តង ហើយផុតកំណត់ក្នុងរយៈពេល {duration}។\nប្រសិនបើអ្នកមិនបានរំពឹងអ៊ីមែលនេះទេ សូមមិនអើពើ។\n',
    },
    reset: {
      subject: 'កំណត់ពាក្យសម្ងាត់ Disan ឡើងវិញ',
      body: 'សួស្តី {name},\n\nមានសំណើកំណត់ពាក្យសម្ងាត់ឡើងវិញសម្រាប់គណនី Disan របស់អ្នក។ សូមបើកតំណនេះដើម្បីជ្រើសរើសពាក្យសម្ងាត់ថ្មី៖\n{url}\n\nតំណនេះប្រើបានតែម្តង ហើយផុតកំណត់ក្នុងរយៈពេល {duration}។\nប្រសិនបើអ្នកមិនបានស្នើសុំទេ សូមមិនអើពើអ៊ីមែលនេះ៖ ពាក្យសម្ងាត់របស់អ្នកនៅដដែល។\n',
    },
  },
  zh: {
    hours: '{n} 小时',
    minutes: '{n} 分钟',
    invitation: {
      subject: '邀请您加入 Disan',
      body: '{name}，您好：\n\n您受邀加入 Disan 档案库。请打开以下链接设置密码：\n{url}\n\n此链接只能使用一次，{duration}后失效。\n如果您没有预期收到此邮件，请忽略。\n',
    },
    reset: {
      subject: '重置您的 Disan 密码',
      body: '{name}，您好：\n\n有人请求重置您 Disan 账户的密码。请打开以下链接设置新密码：\n{url}\n\n此链接只能使用一次，{duration}后失效。\n如果这不是您本人的请求，请忽略此邮件，您的密码不会改变。\n',
    },
  },
} as const satisfies Record<string, { hours: string; minutes: string } & Record<LinkPurpose, { subject: string; body: string }>>;

export type MailLanguage = keyof typeof MAIL_TEXTS;

/** Subject and body of a link mail; an unknown language falls back to Vietnamese, the archive's first. */
export function linkMail(language: string, purpose: LinkPurpose, values: { name: string; url: string; minutesLeft: number }): { subject: string; text: string } {
  const texts = language in MAIL_TEXTS ? MAIL_TEXTS[language as MailLanguage] : MAIL_TEXTS.vi;
  const minutes = Math.max(1, Math.round(values.minutesLeft));
  const duration = minutes >= 120 ? texts.hours.replace('{n}', String(Math.round(minutes / 60))) : texts.minutes.replace('{n}', String(minutes));
  const fill = (text: string) => text.replaceAll('{name}', values.name).replaceAll('{url}', values.url).replaceAll('{duration}', duration);
  return { subject: texts[purpose].subject, text: fill(texts[purpose].body) };
}
