import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCloud } from '../cloud';
import { writePrivateJson } from '../private-file';

/**
 * `npm start`: the whole system on this machine. Data lives in .carelink/ (CARELINK_STATE_DIR moves
 * it; use --reset to start over, --in-memory to keep nothing); PORT sets the API port (default 3000).
 */
const { values: flags } = parseArgs({
  options: { reset: { type: 'boolean', default: false }, 'in-memory': { type: 'boolean', default: false } },
});
const root = resolve(import.meta.dirname, '../../../..');
const stateDir = process.env.CARELINK_STATE_DIR ?? join(root, '.carelink');
const dataDir = join(stateDir, 'dynamodb');
if (flags.reset) await rm(dataDir, { recursive: true, force: true });
await mkdir(stateDir, { recursive: true });

const started = Date.now();
const cloud = await startLocalCloud({
  port: Number(process.env.PORT ?? 3000),
  ...(flags['in-memory'] ? {} : { dataDir }),
});

const operator = cloud.clients.find((c) => c.kind === 'operator');
const credentials = {
  platformAdmin: operator && {
    clientId: operator.clientId,
    clientSecret: operator.clientSecret,
    scopes: operator.scopes,
  },
  partners: cloud.partners,
  staffUsers: cloud.staffUsers,
  cognito: cloud.cognito,
};
const credentialsFile = join(stateDir, 'local-credentials.json');
writePrivateJson(credentialsFile, credentials);

const partner = credentials.partners[0];
const line = '─'.repeat(72);
console.log(`
${line}
 Carelink local cloud is ready in ${((Date.now() - started) / 1000).toFixed(1)} s
${line}
 API              ${cloud.apiUrl}/v1
 Health           ${cloud.apiUrl}/health
 API reference    ${cloud.apiUrl}/docs   (OpenAPI: ${cloud.apiUrl}/openapi.json)
 Token endpoint   ${cloud.apiUrl}/oauth2/token   (JWKS: ${cloud.apiUrl}/.well-known/jwks.json)
 Events           ${cloud.apiUrl}/local/events?stream=true
 Dead letters     npm run dlq -- list | redrive
 DynamoDB Local   ${cloud.dynamoDbEndpoint}   (${flags['in-memory'] ? 'in memory' : dataDir})
 Credentials      ${credentialsFile}
 Cognito (staff)  ${cloud.cognito.endpoint}   (user pool ${cloud.cognito.userPoolId}, client ${cloud.cognito.clientId})
${line}
 Clients:
${cloud.partners.map((p) => `   ${p.clientId.padEnd(34)} partner ${p.partnerId}`).join('\n')}
   ${'carelink-operator'.padEnd(34)} operator (platform-admin)
 People (password and TOTP secret in the credentials file):
${cloud.staffUsers.map((u) => `   ${u.username.padEnd(34)} ${u.roles.join(', ')} @ ${u.practiceId} (${u.credential})`).join('\n')}
${line}
 Try it:
   TOKEN=$(curl -s -u ${partner?.clientId}:${partner?.clientSecret} -d grant_type=client_credentials ${cloud.apiUrl}/oauth2/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
   curl -H "Authorization: Bearer $TOKEN" ${cloud.apiUrl}/v1/referrals
${line}
 Ctrl-C stops everything.
`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local cloud...`);
  await cloud.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
