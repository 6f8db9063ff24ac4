import type { FastifyInstance, FastifyReply, Session } from 'fastify';
import cookie from '@fastify/cookie';
import session, { type FastifySessionOptions } from '@fastify/session';
import type { Accounts } from '@disan/ingest/accounts';

declare module 'fastify' {
  interface Session {
    /** Set at sign-in; a session without it is never stored (nobody signed in). */
    userId?: string;
    address?: string;
    userAgent?: string;
    /** The CSRF secret of @fastify/csrf-protection, kept with the session. */
    _csrf?: string;
  }
}

export interface SessionCookie {
  name: string;
  /** Behind HTTPS: `Secure` and the `__Host-` prefix, so no subdomain and no plain-HTTP page can set or read it. */
  secure: boolean;
}

/**
 * `__Host-disan_session` with `Secure` when the site is served over HTTPS
 * (DISAN_PUBLIC_URL), else `disan_session`: a browser refuses a Secure cookie set over
 * plain HTTP (the local default, http://localhost:4321).
 * @example sessionCookie('https://heritage.example.org').name // '__Host-disan_session'
 */
export function sessionCookie(publicUrl: string | undefined): SessionCookie {
  const secure = publicUrl !== undefined && new URL(publicUrl).protocol === 'https:';
  return { name: secure ? '__Host-disan_session' : 'disan_session', secure };
}

/** The cookie's attributes; clearing it must repeat them, or a browser keeps a `__Host-` cookie. */
export const cookieOptions = (cookieSpec: SessionCookie) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookieSpec.secure });

/** Sign-out and sign-out-everywhere: the browser forgets the cookie. */
export function clearSessionCookie(reply: FastifyReply, cookieSpec: SessionCookie): void {
  reply.clearCookie(cookieSpec.name, cookieOptions(cookieSpec));
}

/** What the engine keeps is the session's fields, without the cookie (its attributes come from config on every request). */
function dataOf(value: Session): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (key !== 'cookie' && key !== 'userId') data[key] = field;
  return data;
}

/**
 * The session library's store over the engine's sessions (kept in the catalog, so every
 * API process shares them and one can be ended from anywhere). The library calls back;
 * the engine returns promises. A session nobody signed in to is not stored: the library
 * saves a fresh one during `regenerate`, before sign-in sets its user.
 */
export function sessionStore(sessions: Accounts['sessions']): NonNullable<FastifySessionOptions['store']> {
  return {
    get(id, callback) {
      sessions.load(id).then(
        (stored) => {
          callback(null, stored ? ({ ...stored.data, userId: stored.userId } as Session) : null);
        },
        (error: unknown) => {
          callback(error);
        },
      );
    },
    set(id, value, callback) {
      if (value.userId === undefined) {
        callback();
        return;
      }
      const saved = { userId: value.userId, data: dataOf(value), address: value.address, userAgent: value.userAgent };
      sessions.save(id, saved).then(() => {
        callback();
      }, callback);
    },
    destroy(id, callback) {
      sessions.destroy(id).then(() => {
        callback();
      }, callback);
    },
  };
}

/**
 * Cookies, then sessions. The cookie has no Max-Age: it ends with the browser, and the
 * engine ends the session itself at its idle and absolute time-outs. `rolling: false`
 * and `saveUninitialized: false`: a request writes the session only when it changed
 * (sign-in, a new CSRF secret), so a visitor gets no cookie and a signed-in request
 * costs one catalog read (the store's `load`).
 */
export async function registerSessions(app: FastifyInstance, options: { accounts: Accounts; secret: string; cookie: SessionCookie }): Promise<void> {
  await app.register(cookie);
  await app.register(session, {
    secret: options.secret,
    cookieName: options.cookie.name,
    cookie: cookieOptions(options.cookie),
    store: sessionStore(options.accounts.sessions),
    saveUninitialized: false,
    rolling: false,
  });
}
