/** Mail: one adapter (nodemailer) and the texts, in the four interface languages. */
export { createMailer, type Mailer } from './mailer.ts';
export { linkMail, MAIL_TEXTS } from './texts.ts';
export { NOTICE_EVENTS, NOTICE_TEXTS, type Notice, type NoticeEvent, type NoticeFacts } from './notice-texts.ts';
export { noticeMail } from './notices.ts';
