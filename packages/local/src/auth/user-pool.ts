import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import { AwsApiError, type AwsOperation, cognitoTarget } from './cognito-api';
import type { LocalIssuer } from './issuer';

/** A person's user, as Cognito keeps it: the password only as a salted hash. */
export interface LocalUser {
  username: string;
  sub: string;
  email: string;
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  enabled: boolean;
  passwordHash: string;
  totpSecret?: string;
  failedAttempts: number;
  lockedUntil: number;
  refreshTokens: Set<string>;
  /** Cognito groups (Carelink: one per role); access tokens list them as `cognito:groups`. */
  groups?: string[];
}

type Challenge = 'NEW_PASSWORD_REQUIRED' | 'MFA_SETUP' | 'SOFTWARE_TOKEN_MFA';

interface Session {
  username: string;
  challenge: Challenge;
  expiresAt: number;
  /** MFA_SETUP: the secret handed out by AssociateSoftwareToken, once verified. */
  pendingTotp?: { secret: string; verified: boolean };
}

/** After this many wrong passwords in a row the user is locked out for a while, as Cognito does. */
const MAX_FAILED_ATTEMPTS = 5;
const LOCKOUT_MS = 15 * 60_000;
const SESSION_MS = 3 * 60_000;

const scryptAsync = promisify(scrypt) as (password: string, salt: string, length: number) => Promise<Buffer>;

/** Hashed on libuv's pool, not on the event loop: sign-ins run side by side, as in Cognito. */
const hashPassword = async (password: string, salt = randomBytes(16).toString('hex')) =>
  `${salt}:${(await scryptAsync(password, salt, 32)).toString('hex')}`;

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [salt = '', hash = ''] = stored.split(':');
  const candidate = (await hashPassword(password, salt)).split(':')[1] ?? '';
  return candidate.length === hash.length && timingSafeEqual(Buffer.from(candidate), Buffer.from(hash));
}

/** The pool's password policy: 14 characters with upper, lower, digit and symbol. */
const meetsPolicy = (password: string) =>
  password.length >= 14 &&
  /[A-Z]/.test(password) &&
  /[a-z]/.test(password) &&
  /\d/.test(password) &&
  /[^A-Za-z0-9]/.test(password);

const totpOf = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });

/** Cognito's answer to a wrong user or a wrong password alike: it never tells which. */
const notAuthorized = () => new AwsApiError('NotAuthorizedException', 'Incorrect username or password.');

/**
 * A Cognito user pool for people, as far as Carelink signs them in: the admin calls the directory
 * makes (create, disable, global sign-out), and `InitiateAuth` with `USER_PASSWORD_AUTH` and
 * `REFRESH_TOKEN_AUTH`, the `NEW_PASSWORD_REQUIRED`, `MFA_SETUP` and `SOFTWARE_TOKEN_MFA` challenges,
 * `AssociateSoftwareToken` and `VerifySoftwareToken`, with Cognito's exception names. MFA (TOTP) is
 * required, as in production. Tokens come from the issuer, through the pool's token trigger.
 */
export class LocalUserPool {
  private readonly users = new Map<string, LocalUser>();
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly issuer: LocalIssuer,
    readonly userPoolId: string,
    /** The console's public app client (no secret), the one client people sign in through. */
    readonly clientId: string,
  ) {}

  /** The users as they can be kept across restarts (refresh tokens are not kept: sign in again). */
  snapshot(): unknown[] {
    return [...this.users.values()].map(({ refreshTokens: _tokens, ...user }) => user);
  }

  restore(users: readonly Omit<LocalUser, 'refreshTokens'>[]): void {
    for (const user of users) this.users.set(user.username, { ...user, refreshTokens: new Set() });
  }

  /** Called after every change of a user (the local cloud keeps them with its data). */
  onChange(listener: () => void): void {
    this.changed = listener;
  }

  private changed: () => void = () => {};

  operations(): Map<string, AwsOperation> {
    const op = (name: string, fn: AwsOperation): [string, AwsOperation] => [cognitoTarget(name), fn];
    return new Map([
      op('AdminCreateUser', (input) => this.adminCreateUser(input)),
      op('AdminDisableUser', (input) =>
        this.admin(input, (user) => {
          user.enabled = false;
        }),
      ),
      op('AdminUserGlobalSignOut', (input) => this.admin(input, (user) => user.refreshTokens.clear())),
      op('AdminAddUserToGroup', (input) =>
        this.admin(input, (user) => {
          user.groups = [...new Set([...(user.groups ?? []), String(input.GroupName)])];
        }),
      ),
      op('AdminRemoveUserFromGroup', (input) =>
        this.admin(input, (user) => {
          user.groups = (user.groups ?? []).filter((group) => group !== input.GroupName);
        }),
      ),
      op('InitiateAuth', (input) => this.initiateAuth(input)),
      op('RespondToAuthChallenge', (input) => this.respondToAuthChallenge(input)),
      op('AssociateSoftwareToken', (input) => this.associateSoftwareToken(input)),
      op('VerifySoftwareToken', (input) => this.verifySoftwareToken(input)),
    ]);
  }

  private requirePool(input: Record<string, unknown>): void {
    if (input.UserPoolId !== this.userPoolId)
      throw new AwsApiError(
        'ResourceNotFoundException',
        `User pool ${String(input.UserPoolId)} does not exist.`,
      );
  }

  private requireClient(input: Record<string, unknown>): void {
    if (input.ClientId !== this.clientId)
      throw new AwsApiError('ResourceNotFoundException', 'User pool client does not exist.');
  }

  private find(login: unknown): LocalUser | undefined {
    const name = String(login ?? '');
    return this.users.get(name) ?? [...this.users.values()].find((u) => u.email === name.toLowerCase());
  }

  private async adminCreateUser(input: Record<string, unknown>) {
    this.requirePool(input);
    const username = String(input.Username ?? '');
    const attributes = (input.UserAttributes ?? []) as { Name: string; Value: string }[];
    const email = (attributes.find((a) => a.Name === 'email')?.Value ?? '').toLowerCase();
    const temporary =
      typeof input.TemporaryPassword === 'string'
        ? input.TemporaryPassword
        : randomBytes(12).toString('base64url');
    // Hashed before the checks, so that the checks and the insert happen with no await between.
    const passwordHash = await hashPassword(temporary);
    if (this.users.has(username))
      throw new AwsApiError('UsernameExistsException', 'User account already exists.');
    if (email && this.find(email))
      throw new AwsApiError('AliasExistsException', 'An account with the given email already exists.');
    const user: LocalUser = {
      username,
      sub: randomUUID(),
      email,
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      passwordHash,
      failedAttempts: 0,
      lockedUntil: 0,
      refreshTokens: new Set(),
    };
    this.users.set(username, user);
    this.changed();
    return { User: { Username: username, Enabled: true, UserStatus: user.status } };
  }

  private admin(input: Record<string, unknown>, change: (user: LocalUser) => void) {
    this.requirePool(input);
    const user = this.users.get(String(input.Username ?? ''));
    if (!user) throw new AwsApiError('UserNotFoundException', 'User does not exist.');
    change(user);
    this.changed();
    return {};
  }

  private challenge(user: LocalUser, challenge: Challenge) {
    const session = randomBytes(32).toString('base64url');
    this.sessions.set(session, { username: user.username, challenge, expiresAt: Date.now() + SESSION_MS });
    return {
      ChallengeName: challenge,
      Session: session,
      ChallengeParameters: { USER_ID_FOR_SRP: user.username },
    };
  }

  private session(input: Record<string, unknown>, challenge?: Challenge): Session {
    const session = this.sessions.get(String(input.Session ?? ''));
    if (!session || session.expiresAt < Date.now() || (challenge && session.challenge !== challenge))
      throw new AwsApiError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    return session;
  }

  private async tokens(user: LocalUser, withRefresh = true) {
    const signed = await this.issuer
      .signUser(
        { username: user.username, sub: user.sub, email: user.email, groups: user.groups ?? [] },
        this.clientId,
      )
      .catch(() => {
        // The token trigger refused (no active person in the directory): Cognito issues nothing.
        throw new AwsApiError('UserLambdaValidationException', 'PreTokenGeneration failed with error.');
      });
    const { accessToken, idToken, expiresIn } = signed;
    const refresh = withRefresh ? randomBytes(48).toString('base64url') : undefined;
    if (refresh) user.refreshTokens.add(refresh);
    return {
      AuthenticationResult: {
        AccessToken: accessToken,
        IdToken: idToken,
        ExpiresIn: expiresIn,
        TokenType: 'Bearer',
        ...(refresh ? { RefreshToken: refresh } : {}),
      },
      ChallengeParameters: {},
    };
  }

  private async initiateAuth(input: Record<string, unknown>) {
    this.requireClient(input);
    const parameters = (input.AuthParameters ?? {}) as Record<string, string>;
    if (input.AuthFlow === 'REFRESH_TOKEN_AUTH' || input.AuthFlow === 'REFRESH_TOKEN')
      return this.refresh(parameters.REFRESH_TOKEN ?? '');
    if (input.AuthFlow !== 'USER_PASSWORD_AUTH')
      throw new AwsApiError(
        'InvalidParameterException',
        `${String(input.AuthFlow)} is not enabled for the client.`,
      );
    const user = await this.checkPassword(parameters.USERNAME, parameters.PASSWORD);
    if (user.status === 'FORCE_CHANGE_PASSWORD') return this.challenge(user, 'NEW_PASSWORD_REQUIRED');
    return this.challenge(user, user.totpSecret ? 'SOFTWARE_TOKEN_MFA' : 'MFA_SETUP');
  }

  /**
   * The password step of any sign-in (the SDK's or the hosted login page's): a wrong user and a wrong
   * password answer alike, repeated failures lock the user out, a disabled user is refused.
   */
  async checkPassword(login: unknown, password: unknown): Promise<LocalUser> {
    const user = this.find(login);
    if (!user) throw notAuthorized();
    const refuseWhileLockedOut = () => {
      if (user.lockedUntil > Date.now())
        throw new AwsApiError('NotAuthorizedException', 'Password attempts exceeded');
    };
    refuseWhileLockedOut();
    const matches = await passwordMatches(String(password ?? ''), user.passwordHash);
    // Again after hashing: guesses sent side by side must not outrun a lockout that one of them set.
    refuseWhileLockedOut();
    if (!matches) {
      user.failedAttempts += 1;
      if (user.failedAttempts >= MAX_FAILED_ATTEMPTS) {
        user.lockedUntil = Date.now() + LOCKOUT_MS;
        user.failedAttempts = 0;
      }
      throw notAuthorized();
    }
    if (!user.enabled) throw new AwsApiError('NotAuthorizedException', 'User is disabled.');
    user.failedAttempts = 0;
    return user;
  }

  /** The one-time code step: the user's authenticator code, within one 30-second step either way. */
  checkCode(username: string, code: string): LocalUser {
    const user = this.users.get(username);
    if (!user?.enabled) throw new AwsApiError('NotAuthorizedException', 'User is disabled.');
    if (!user.totpSecret || totpOf(user.totpSecret).validate({ token: code, window: 1 }) === null)
      throw new AwsApiError('CodeMismatchException', 'Invalid code received for user');
    return user;
  }

  /** Tokens after a completed sign-in (the hosted page's code exchange uses this too). */
  issueTokens(username: string) {
    const user = this.users.get(username);
    if (!user?.enabled) throw new AwsApiError('NotAuthorizedException', 'User is disabled.');
    return this.tokens(user);
  }

  /** New access and ID tokens for a refresh token of an enabled user. */
  refresh(refreshToken: string) {
    const user = [...this.users.values()].find((u) => u.refreshTokens.has(refreshToken));
    if (!user) throw new AwsApiError('NotAuthorizedException', 'Invalid Refresh Token.');
    if (!user.enabled) throw new AwsApiError('NotAuthorizedException', 'User is disabled.');
    return this.tokens(user, false);
  }

  private async respondToAuthChallenge(input: Record<string, unknown>) {
    this.requireClient(input);
    const name = input.ChallengeName as Challenge;
    const session = this.session(input, name);
    const responses = (input.ChallengeResponses ?? {}) as Record<string, string>;
    const user = this.users.get(session.username);
    if (!user?.enabled) throw new AwsApiError('NotAuthorizedException', 'User is disabled.');
    if (name === 'NEW_PASSWORD_REQUIRED') {
      const password = responses.NEW_PASSWORD ?? '';
      if (!meetsPolicy(password))
        throw new AwsApiError('InvalidPasswordException', 'Password does not conform to policy.');
      // The session is spent before the hash, so a second answer to it is refused.
      this.sessions.delete(String(input.Session));
      user.passwordHash = await hashPassword(password);
      user.status = 'CONFIRMED';
      this.changed();
      return this.challenge(user, user.totpSecret ? 'SOFTWARE_TOKEN_MFA' : 'MFA_SETUP');
    }
    if (name === 'MFA_SETUP') {
      if (!session.pendingTotp?.verified)
        throw new AwsApiError(
          'InvalidParameterException',
          'Verify a software token before completing MFA setup.',
        );
      user.totpSecret = session.pendingTotp.secret;
      this.changed();
      this.sessions.delete(String(input.Session));
      return this.tokens(user);
    }
    this.checkCode(user.username, responses.SOFTWARE_TOKEN_MFA_CODE ?? '');
    this.sessions.delete(String(input.Session));
    return this.tokens(user);
  }

  private associateSoftwareToken(input: Record<string, unknown>) {
    const session = this.session(input, 'MFA_SETUP');
    const secret = new Secret({ size: 20 }).base32;
    session.pendingTotp = { secret, verified: false };
    return { SecretCode: secret, Session: input.Session };
  }

  private verifySoftwareToken(input: Record<string, unknown>) {
    const session = this.session(input, 'MFA_SETUP');
    const pending = session.pendingTotp;
    if (
      !pending ||
      totpOf(pending.secret).validate({ token: String(input.UserCode ?? ''), window: 1 }) === null
    )
      throw new AwsApiError('EnableSoftwareTokenMFAException', 'Code mismatch');
    pending.verified = true;
    return { Status: 'SUCCESS', Session: input.Session };
  }
}
