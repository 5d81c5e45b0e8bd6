import { randomInt } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  AliasExistsException,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { IdentityProviderNotConfiguredError, UserExistsError } from '../domain/errors';

/** How a new person receives their first password. */
export type InvitationDelivery = 'email' | 'response';

export type Invitation = { delivery: 'email' } | { delivery: 'response'; temporaryPassword: string };

/** Where people sign in: an identity provider's user pool. */
export interface UserDirectory {
  /** A new user named by the staff id, with a verified e-mail; MFA is set up at first sign-in. */
  create(user: { staffId: string; email: string }): Promise<Invitation>;
  /** Puts the user in exactly the groups of these roles (the pool has one group per role). */
  setGroups(staffId: string, roles: { add: readonly string[]; remove: readonly string[] }): Promise<void>;
  /** No further sign-in or refresh for the user. */
  disable(staffId: string): Promise<void>;
}

const PASSWORD_ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-=?@'];

/** A temporary password meeting the pool's policy (14+ characters of every class). */
export function temporaryPassword(length = 20): string {
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] as string;
  const all = PASSWORD_ALPHABETS.join('');
  const chars = [...PASSWORD_ALPHABETS.map(pick), ...Array.from({ length: length - 4 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/**
 * People as Cognito users: username = staff id, e-mail verified, invitation by e-mail (Cognito's
 * own message) or, where no mail is sent (the local cloud), a temporary password in the response.
 * Either way the user must choose a password and set up TOTP at first sign-in.
 */
export function cognitoUserDirectory(
  config: { userPoolId: string | undefined; delivery: InvitationDelivery },
  client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient({ maxAttempts: 3 }),
): UserDirectory {
  const poolId = (): string => {
    if (!config.userPoolId) throw new IdentityProviderNotConfiguredError();
    return config.userPoolId;
  };
  return {
    async create({ staffId, email }) {
      const password = config.delivery === 'response' ? temporaryPassword() : undefined;
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId(),
            Username: staffId,
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
            ],
            ...(password
              ? { TemporaryPassword: password, MessageAction: 'SUPPRESS' }
              : { DesiredDeliveryMediums: ['EMAIL'] }),
          }),
        );
      } catch (error) {
        if (error instanceof UsernameExistsException || error instanceof AliasExistsException)
          throw new UserExistsError();
        throw error;
      }
      return password ? { delivery: 'response', temporaryPassword: password } : { delivery: 'email' };
    },

    async setGroups(staffId, { add, remove }) {
      for (const GroupName of add)
        await client.send(
          new AdminAddUserToGroupCommand({ UserPoolId: poolId(), Username: staffId, GroupName }),
        );
      for (const GroupName of remove)
        await client.send(
          new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId(), Username: staffId, GroupName }),
        );
    },

    async disable(staffId) {
      await client.send(new AdminDisableUserCommand({ UserPoolId: poolId(), Username: staffId }));
      // Refresh tokens die with it; access tokens end within their hour.
      await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId(), Username: staffId }));
    },
  };
}
