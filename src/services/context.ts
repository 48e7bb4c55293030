import type { Db } from '../data/db.js';
import type { Actor } from '../domain/policy.js';
import type { Lang } from '../domain/errors.js';

/** Who is acting, from where: built once per request by the auth hook. */
export interface SessionActor extends Actor {
  name: string;
  username: string;
}

export interface Ctx {
  db: Db;
  actor: SessionActor;
  ip: string | null;
  lang: Lang;
  /** The app's clock at the request (tests move it); deadlines are judged against it. */
  now?: Date;
}
