// `npm run user -- <command>`: manage team accounts in the database at DATABASE_URL.
//
//   add NAME --role viewer|editor|admin --password-stdin
//   list
//   set-role NAME viewer|editor|admin
//   deactivate NAME | activate NAME
//   reset-password NAME --password-stdin
//
// Passwords are read from standard input only (at least 12 characters) and are never printed.
import { openReadyDatabase } from '../lib/server/db';
import { config } from '../lib/server/config';
import { findUserByName, listUsers, createUser, resetPassword, updateUser } from '../lib/server/db/users';
import { MIN_PASSWORD } from '../lib/core/domain/accounts';
import { AppError } from '../lib/core/domain/errors';
import { type Role, isRole } from '../lib/core/domain/permissions';

const USAGE = `Usage: npm run user -- <command>
  add NAME --role viewer|editor|admin --password-stdin
  list
  set-role NAME viewer|editor|admin
  deactivate NAME
  activate NAME
  reset-password NAME --password-stdin
Passwords come from standard input (at least ${MIN_PASSWORD} characters), e.g.
  printf '%s' "$PASSWORD" | npm run user -- add alice --role editor --password-stdin`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is not hidden; end with Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline (from echo or a here-string) is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function roleArg(value: string | undefined): Role {
  if (!isRole(value)) throw new UsageError(`role must be viewer, editor or admin (got ${value ?? 'nothing'})`);
  return value;
}

async function main(argv: string[]) {
  const [command, name, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const file = config().database;
  const db = await openReadyDatabase(file);
  try {
    const named = async () => {
      if (!name) throw new UsageError('a user name is required');
      const user = await findUserByName(db, name);
      if (!user) throw new AppError(404, 'not_found', `No user is named "${name}".`);
      return user;
    };
    switch (command) {
      case 'add': {
        if (!name) throw new UsageError('a user name is required');
        const roleAt = rest.indexOf('--role');
        const role = roleArg(roleAt >= 0 ? rest[roleAt + 1] : undefined);
        if (!rest.includes('--password-stdin')) throw new UsageError('give the password on standard input with --password-stdin');
        const user = await createUser(db, { username: name, role, password: await readStdin() });
        console.log(`Added ${user.username} (${user.role}) to ${file}.`);
        break;
      }
      case 'list': {
        const users = await listUsers(db);
        if (users.length === 0) console.log('No accounts yet.');
        for (const u of users) console.log(`${u.username}\t${u.role}\t${u.active ? 'active' : 'deactivated'}\tsince ${u.createdAt}`);
        break;
      }
      case 'set-role': {
        const user = await named();
        const updated = await updateUser(db, null, user.id, { role: roleArg(rest[0]) });
        console.log(`${updated.username} is now ${updated.role}.`);
        break;
      }
      case 'deactivate':
      case 'activate': {
        const user = await named();
        await updateUser(db, null, user.id, { active: command === 'activate' });
        console.log(`${user.username} is ${command === 'activate' ? 'active' : 'deactivated; their sessions have ended'}.`);
        break;
      }
      case 'reset-password': {
        const user = await named();
        if (!rest.includes('--password-stdin')) throw new UsageError('give the password on standard input with --password-stdin');
        await resetPassword(db, user.username, await readStdin());
        console.log(`New password set for ${user.username}; their sessions have ended.`);
        break;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`Error: ${err.message}\n\n${USAGE}`);
  else if (err instanceof AppError) console.error(`Error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
