import type { Kysely } from 'kysely';
import { isRole, problem, problemText, ROLES, type CataloguedProblem, type Role } from '@opennrm/domain';
import type { Database } from '../db/schema.ts';
import { newId } from '../shared/ids.ts';
import { hashPassword, NO_PASSWORD, oneTimePassword } from './passwords.ts';

/** A user as shown to administrators and to the user: never the password hash. */
export interface UserSummary {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
  organisation_code: string | null;
  must_change_password: boolean;
  disabled: boolean;
  created_at: string;
  last_sign_in_at: string | null;
}

/** What creating an account needs. */
export interface NewUser {
  username: string;
  role: string;
  /** Organisation code from the profile or added by an administrator; null for a national administrator. */
  organisation_code: string | null;
  display_name?: string | undefined;
}

/**
 * Thrown for an invalid account request; `field` names the offending option, `problem` the catalogued rule (sent by
 * the API for clients to translate) and `message` its English text (printed by the CLI).
 */
export class AccountError extends Error {
  readonly field: string;
  readonly problem: CataloguedProblem;
  /** @param message the English for the CLI when it may name the value typed (the API never sends it). */
  constructor(field: string, refusal: CataloguedProblem, message?: string) {
    super(message ?? problemText(refusal));
    this.name = 'AccountError';
    this.field = field;
    this.problem = refusal;
  }
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
/** One address, no display name or list: the same rule as app_user's CHECK (migration 0021). */
const EMAIL = /^[^@\s<>,;"]+@[^@\s<>,;"]+$/;

/**
 * Local accounts. Issue 3 puts the policy check (only administrators manage
 * accounts) and the audit event of every permission change here.
 */
export class UsersRepository {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Number of accounts; zero means first run. */
  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Creates an account with a one-time password that must be changed at first sign-in.
   * @returns the account and the password, which is shown once and stored only as an Argon2id hash.
   * @throws AccountError (field "username", "role" or "organisation") for a malformed or taken username, an unknown role or organisation.
   */
  async create(input: NewUser): Promise<{ user: UserSummary; password: string }> {
    if (!USERNAME.test(input.username)) {
      throw new AccountError('username', problem('username_malformed'));
    }
    if (!isRole(input.role)) throw new AccountError('role', problem('unknown_role', { role: input.role, values: ROLES.join(', ') }));
    let organisationId: string | null = null;
    if (input.organisation_code) {
      const org = await this.#db.selectFrom('organisation').select('id').where('code', '=', input.organisation_code).executeTakeFirst();
      if (!org) throw new AccountError('organisation', problem('no_organisation_with_code'));
      organisationId = org.id;
    }
    const taken = await this.#db.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
    // The API does not repeat the username: it is often a person's name.
    if (taken) throw new AccountError('username', problem('username_taken'), `username "${input.username}" is taken`);
    const password = oneTimePassword();
    const id = newId();
    await this.#db
      .insertInto('app_user')
      .values({
        id,
        username: input.username,
        display_name: input.display_name ?? input.username,
        password_hash: await hashPassword(password),
        role: input.role,
        organisation_id: organisationId,
        must_change_password: true,
      })
      .execute();
    const user = await this.findById(id);
    if (!user) throw new Error('account vanished after insert');
    return { user, password };
  }

  /**
   * Sets, or with null removes, the address an account's deadline reminders are
   * e-mailed to (migration 0021; docs/proceedings.md, "Reminders"). Without one
   * the user gets reminders in the app only.
   * @returns the account's id, or undefined when no account has this username.
   * @throws AccountError (field "email") for anything but one plain address (the database's CHECK).
   */
  async setEmail(username: string, email: string | null): Promise<string | undefined> {
    if (email !== null && !EMAIL.test(email))
      throw new AccountError(
        'email',
        problem('not_one_email_address'),
        `"${email.slice(0, 80)}" is not one e-mail address like name@example.ro`,
      );
    const row = await this.#db.updateTable('app_user').set({ email }).where('username', '=', username).returning('id').executeTakeFirst();
    return row?.id;
  }

  /** Every account, by username. */
  async list(): Promise<UserSummary[]> {
    const rows = await this.#summaries().orderBy('app_user.username').execute();
    return rows.map(toSummary);
  }

  /** One account, or undefined. */
  async findById(id: string): Promise<UserSummary | undefined> {
    const row = await this.#summaries().where('app_user.id', '=', id).executeTakeFirst();
    return row && toSummary(row);
  }

  /** The stored password hash and state of an account, for sign-in only. */
  async credentials(username: string) {
    return this.#db.selectFrom('app_user').select(['id', 'password_hash', 'disabled']).where('username', '=', username).executeTakeFirst();
  }

  /** Replaces the password hash and clears must_change_password. */
  async setPassword(id: string, password: string): Promise<void> {
    await this.#db
      .updateTable('app_user')
      .set({ password_hash: await hashPassword(password), must_change_password: false, password_changed_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Issues a new one-time password, to be changed at next sign-in, and ends
   * the account's sessions: for an account imported without a password
   * (NO_PASSWORD) or one whose password is lost.
   * @returns the password, shown once and stored only as an Argon2id hash; null when no account has that username.
   */
  async issueOneTimePassword(username: string): Promise<string | null> {
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    // Inside the caller's transaction when given one (the CLI appends its audit event there).
    const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) =>
      this.#db.isTransaction ? work(this.#db) : this.#db.transaction().execute(work);
    return inTransaction(async (trx) => {
      const user = await trx
        .updateTable('app_user')
        .set({ password_hash: hash, must_change_password: true, password_changed_at: new Date() })
        .where('username', '=', username)
        .returning('id')
        .executeTakeFirst();
      if (!user) return null;
      await trx
        .updateTable('api_session')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', user.id)
        .where('revoked_at', 'is', null)
        .execute();
      return password;
    });
  }

  /** Records a successful sign-in. */
  async markSignedIn(id: string): Promise<void> {
    await this.#db.updateTable('app_user').set({ last_sign_in_at: new Date() }).where('id', '=', id).execute();
  }

  #summaries() {
    return this.#db
      .selectFrom('app_user')
      .leftJoin('organisation', 'organisation.id', 'app_user.organisation_id')
      .select([
        'app_user.id',
        'app_user.username',
        'app_user.display_name',
        'app_user.role',
        'app_user.organisation_id',
        'organisation.code as organisation_code',
        'app_user.must_change_password',
        'app_user.disabled',
        'app_user.created_at',
        'app_user.last_sign_in_at',
      ]);
  }
}

function toSummary(row: {
  id: string;
  username: string;
  display_name: string;
  role: string;
  organisation_id: string | null;
  organisation_code: string | null;
  must_change_password: boolean;
  disabled: boolean;
  created_at: Date;
  last_sign_in_at: Date | null;
}): UserSummary {
  return {
    ...row,
    role: row.role as Role,
    created_at: new Date(row.created_at).toISOString(),
    last_sign_in_at: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
  };
}

/**
 * First run: when no administrator account exists (the demo may already have
 * created its role accounts), creates the administrator "admin" with a
 * one-time password. When the only enabled administrators came from an
 * OpenNRM JSON import, which carries no password (NO_PASSWORD), the first of
 * them gets the one-time password instead. Issue 2, point 8.
 * @returns the username and password to print once, or null when an administrator exists who can sign in
 *   (or only disabled ones: an administrator disabled them).
 */
export async function ensureFirstAdministrator(db: Kysely<Database>): Promise<{ username: string; password: string } | null> {
  const users = new UsersRepository(db);
  const administrators = await db
    .selectFrom('app_user')
    .select(['username', 'password_hash', 'oidc_subject'])
    .select('disabled')
    .where('role', '=', 'administrator')
    .orderBy('created_at')
    .orderBy('username')
    .execute();
  const enabled = administrators.filter((a) => !a.disabled);
  if (administrators.length > 0) {
    if (enabled.length === 0 || enabled.some((a) => a.password_hash !== NO_PASSWORD || a.oidc_subject != null)) return null;
    const password = await users.issueOneTimePassword(enabled[0]!.username);
    return password ? { username: enabled[0]!.username, password } : null;
  }
  const { user, password } = await users.create({
    username: 'admin',
    role: 'administrator',
    organisation_code: null,
    display_name: 'Administrator',
  });
  return { username: user.username, password };
}
